import { Argon2PasswordHasher, OWASP_ARGON2ID } from './password-hasher';

describe('Argon2PasswordHasher', () => {
  const hasher = new Argon2PasswordHasher();

  it('hashes with argon2id at the OWASP parameters and a per-hash salt', async () => {
    const first = await hasher.hash('correct horse battery staple');
    const second = await hasher.hash('correct horse battery staple');

    const [, algorithm, version, parameters, salt, digest] = first.split('$');
    expect([algorithm, version]).toEqual(['argon2id', 'v=19']);
    expect(Object.fromEntries(parameters.split(',').map((pair) => pair.split('=')))).toEqual({ m: '19456', t: '2', p: '1' });
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(digest, 'base64')).toHaveLength(32);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct horse');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery stapl', hash)).resolves.toBe(false);
    await expect(hasher.verify('Correct horse battery staple', hash)).resolves.toBe(false);
  });

  it('answers false for an account without a hash (unknown e-mail), after the same work', async () => {
    await expect(hasher.verify('correct horse battery staple', undefined)).resolves.toBe(false);
  });

  it('asks for a rehash when the stored hash has other parameters or another algorithm', async () => {
    const cheap = new Argon2PasswordHasher({ ...OWASP_ARGON2ID, memoryCost: 1024, timeCost: 1 });
    const cheapHash = await cheap.hash('correct horse battery staple');
    expect(hasher.needsRehash(cheapHash)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'))).toBe(false);
    expect(hasher.needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g')).toBe(true);
  });
});
