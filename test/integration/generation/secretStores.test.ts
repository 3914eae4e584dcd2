import { stat } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ElectronSecretStore, type KeyFile } from '../../../main/electron/secretStore';
import { FileSecretStore } from '../../../main/services/secrets/fileSecretStore';
import { KeyService } from '../../../main/services/secrets/keyService';
import { MemorySecretStore } from '../../../main/services/secrets/secretStore';
import { makeTempDir } from '../../helpers/tempDir';

// electron-store needs a real Electron; the store under test gets a fake key file instead.
vi.mock('electron-store', () => ({ default: class {} }));

class FakeKeyFile implements KeyFile {
  data: Record<string, { ciphertext: string; backend: string }> | undefined;
  get(): typeof this.data {
    return this.data;
  }
  set(_name: 'keys', value: Record<string, { ciphertext: string; backend: string }>): void {
    this.data = value;
  }
}

/** safeStorage stand-in: "encrypts" by reversing and prefixing, and reports a chosen backend. */
function fakeSafeStorage(backend: 'gnome_libsecret' | 'basic_text', available = true) {
  return {
    backend,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend() {
      return this.backend;
    },
    encryptString: (text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptString: (buffer: Buffer) => {
      const text = buffer.toString();
      if (!text.startsWith('enc:')) throw new Error('bad ciphertext');
      return [...text.slice(4)].reverse().join('');
    },
  };
}

describe('secret stores', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await makeTempDir('shotloom-secrets-');
  });
  afterEach(async () => dir.remove());

  it('file store: round trip, mode 0600, survives a new instance, reports itself weak', async () => {
    const store = new FileSecretStore(dir.path);
    await store.set('runway', 'key_abc123456');
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    expect(await new FileSecretStore(dir.path).get('runway')).toBe('key_abc123456');
    await store.delete('runway');
    expect(await new FileSecretStore(dir.path).get('runway')).toBeNull();
    expect(store.weakness()).toMatch(/unencrypted/);
  });

  it('key service: a stored key wins over the environment; statuses never carry the key', async () => {
    const keys = new KeyService(new MemorySecretStore(), { GEMINI_API_KEY: 'env-gemini-key', FAL_KEY: ' ' });
    expect(await keys.resolve('google')).toBe('env-gemini-key');
    expect(await keys.status('google')).toMatchObject({
      configured: true,
      source: 'env',
      envVariable: 'GEMINI_API_KEY',
    });
    expect((await keys.status('fal')).configured).toBe(false);
    await keys.set('google', 'stored-gemini-key');
    expect(await keys.resolve('google')).toBe('stored-gemini-key');
    const all = await keys.list();
    expect(all.map((status) => status.provider)).toContain('animatic');
    expect(all.find((status) => status.provider === 'animatic')?.required).toBe(false);
    expect(JSON.stringify(all)).not.toMatch(/gemini-key/);
    await expect(keys.set('animatic', 'whatever-key')).rejects.toThrow(/needs no key/);
  });

  it('Electron store: only ciphertext on disk with a keyring; session-only with basic_text', async () => {
    const file = new FakeKeyFile();
    const strong = new ElectronSecretStore(fakeSafeStorage('gnome_libsecret'), file, 'linux');
    expect(strong.weakness()).toBeNull();
    expect(strong.storage).toBe('os-keychain');
    await strong.set('runway', 'key_secret_value');
    expect(JSON.stringify(file.data)).not.toContain('key_secret_value');
    expect(file.data?.runway?.backend).toBe('gnome_libsecret');
    expect(await strong.get('runway')).toBe('key_secret_value');

    // The keyring changed (GNOME → KDE): the key reads as absent, to be entered again.
    const moved = new ElectronSecretStore(
      { ...fakeSafeStorage('gnome_libsecret'), getSelectedStorageBackend: () => 'kwallet6' as const },
      file,
      'linux',
    );
    expect(await moved.get('runway')).toBeNull();

    const weakFile = new FakeKeyFile();
    const weak = new ElectronSecretStore(fakeSafeStorage('basic_text'), weakFile, 'linux');
    expect(weak.weakness()).toMatch(/basic_text/);
    expect(weak.storage).toBe('memory');
    await weak.set('luma', 'luma_session_key');
    expect(await weak.get('luma')).toBe('luma_session_key');
    expect(weakFile.data).toBeUndefined();
    const keys = new KeyService(weak, {});
    expect(await keys.status('luma')).toMatchObject({ configured: true, weak: true, storage: 'memory' });
  });
});
