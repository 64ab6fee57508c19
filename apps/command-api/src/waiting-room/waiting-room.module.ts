import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdmissionSchedule } from './admission-schedule';
import { ConfigureWaitingRoomHandler } from './configure-waiting-room/configure-waiting-room.handler';
import { ConfigureWaitingRoomHttpController } from './configure-waiting-room/configure-waiting-room.http.controller';
import { JoinQueueHttpController } from './join-queue/join-queue.http.controller';
import { QueuePlaceHttpController } from './queue-place/queue-place.http.controller';
import { WaitingRooms } from './waiting-rooms';

/** The on-sale waiting room: configuring it, joining its queue, a place's standing and token, and the admission schedule. The booking checks admission itself (bookings module). */
@Module({
  imports: [CqrsModule],
  controllers: [ConfigureWaitingRoomHttpController, JoinQueueHttpController, QueuePlaceHttpController],
  providers: [WaitingRooms, ConfigureWaitingRoomHandler, AdmissionSchedule],
  exports: [WaitingRooms],
})
export class WaitingRoomModule {}
