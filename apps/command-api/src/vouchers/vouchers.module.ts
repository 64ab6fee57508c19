import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CreateVoucherHandler } from './create-voucher/create-voucher.handler';
import { CreateVoucherHttpController } from './create-voucher/create-voucher.http.controller';

/** A show's vouchers: creating one. Uses are taken and given back by the booking use cases, in their own appends. */
@Module({
  imports: [CqrsModule],
  controllers: [CreateVoucherHttpController],
  providers: [CreateVoucherHandler],
})
export class VouchersModule {}
