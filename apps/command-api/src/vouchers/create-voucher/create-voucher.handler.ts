import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { voucherStream, type CreateVoucherResponse } from '@tessera/contracts';
import { decideCreateVoucher } from '@tessera/domain';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { readShow, readVoucher } from '../../bookings/box-office-streams';
import { CreateVoucherCommand } from './create-voucher.command';

/**
 * POST /api/shows/{showId}/vouchers: reads the show and `voucher-{showId}-{code}`, lets the
 * Voucher decider decide, appends the voucher stream expecting the revision read (none), so two
 * admins creating the same code at once get one 201 and one 409 VOUCHER_EXISTS.
 */
@CommandHandler(CreateVoucherCommand)
export class CreateVoucherHandler implements ICommandHandler<CreateVoucherCommand, CreateVoucherResponse> {
  constructor(private readonly store: EventStore) {}

  execute({ showId, voucher, context }: CreateVoucherCommand): Promise<CreateVoucherResponse> {
    const { code } = voucher;
    const stream = voucherStream(showId, code);
    return handleCommand(this.store, {
      context,
      read: async (streams) => {
        const [show, existing] = await Promise.all([readShow(streams, showId), readVoucher(streams, showId, code)]);
        return { show: show.state, voucher: existing };
      },
      decide: ({ show, voucher: existing }): Decision<CreateVoucherResponse> => {
        // The same request again after it went through (a retry of its command): the same answer.
        const created = existing.events.find((event) => event.type === 'voucher.created.v1' && event.metadata.causationId === context.causationId);
        if (created) return { answer: { showId, code, position: String(created.position) } };
        const events = decideCreateVoucher({
          show,
          voucher: existing.state,
          command: {
            type: 'CreateVoucher',
            data: {
              showId,
              code,
              kind: voucher.kind,
              value: voucher.value,
              maxUses: voucher.maxUses,
              perUser: voucher.perUser,
              categoryIds: voucher.categoryIds ?? null,
              validFrom: voucher.validFrom === undefined ? null : new Date(voucher.validFrom).toISOString(),
              validUntil: voucher.validUntil === undefined ? null : new Date(voucher.validUntil).toISOString(),
              byAdminId: context.actorId,
            },
          },
        });
        return { append: { [stream]: events }, answer: ({ position }) => ({ showId, code, position: String(position) }) };
      },
    });
  }
}
