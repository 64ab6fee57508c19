import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { idempotencyKey } from '@/lib/format';
import { unwrap } from '@/lib/problem';

export const useCheckIn = () =>
  useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/checkins', { body: { code }, headers: { 'idempotency-key': idempotencyKey() } })),
  });
