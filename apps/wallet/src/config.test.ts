import { describe, expect, it } from 'vitest';
import { loadWalletConfig, WalletConfigError } from './config.js';

describe('wallet configuration', () => {
  it('listens on 4003 on loopback by default', () => {
    expect(loadWalletConfig({})).toMatchObject({ port: 4003, host: '127.0.0.1' });
  });

  it('takes PASSAGE_WALLET_PORT', () => {
    expect(loadWalletConfig({ PASSAGE_WALLET_PORT: '5003' }).port).toBe(5003);
  });

  it('refuses a port that is not one, naming the variable', () => {
    let error: unknown;
    try {
      loadWalletConfig({ PASSAGE_WALLET_PORT: 'x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WalletConfigError);
    expect((error as WalletConfigError).code).toBe('CONFIG_INVALID');
    expect((error as WalletConfigError).details.map((d) => d.path)).toEqual(['PASSAGE_WALLET_PORT']);
  });
});
