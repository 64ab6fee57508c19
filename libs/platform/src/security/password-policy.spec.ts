import { checkPasswordPolicy } from './password-policy';

const ada = { email: 'Ada.Lovelace@example.com', displayName: 'Ada Lovelace' };

describe('checkPasswordPolicy', () => {
  it.each([
    'correct horse battery staple',
    'Tr0ub4dor&3-but-longer',
    'vélo rouge sur la colline',
    'lovelace-analytical-engine',
  ])('accepts %j', (password) => {
    expect(checkPasswordPolicy(password, ada)).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkPasswordPolicy('🔐'.repeat(11), ada)).toMatch(/at least 12/);
    expect(checkPasswordPolicy('🔐🔑🗝️🚪🔒🔓🏠🧱🪟🛏️🛋️🚿', ada)).toBeNull();
  });

  it.each([
    ['shorter than 12 characters', 'elevenchars', /at least 12 characters/],
    ['longer than 128 characters', 'x'.repeat(60) + 'y'.repeat(69), /at most 128 characters/],
    ['a common password', 'qwerty123456', /too common/],
    ['a common password in capitals', 'QWERTY123456', /too common/],
    ['a common word padded with digits', 'password1234', /too common/],
    ['a common word padded with digits and symbols', '2024!!sunshine!!', /too common/],
    ['one repeated character', 'aaaaaaaaaaaaaa', /single character/],
    ['the e-mail', 'ada.lovelace@example.com', /e-mail or display name/],
    ['the e-mail in another case', 'ADA.LOVELACE@EXAMPLE.COM', /e-mail or display name/],
    ['the e-mail local part padded to length', 'ada.lovelace2024', /e-mail or display name/],
    ['the display name', 'ada lovelace', /e-mail or display name/],
    ['the display name padded to length', 'Ada Lovelace!!!', /e-mail or display name/],
  ])('refuses %s', (_name, password, message) => {
    expect(checkPasswordPolicy(password, ada)).toMatch(message);
  });

  it('refuses another user\u2019s e-mail only when it is theirs', () => {
    expect(checkPasswordPolicy('grace.hopper@example.com', ada)).toBeNull();
    expect(checkPasswordPolicy('grace.hopper@example.com', { email: 'grace.hopper@example.com', displayName: 'G' })).toMatch(/e-mail/);
  });
});
