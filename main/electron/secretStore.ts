import ElectronStore from 'electron-store';
import type { SafeStorage } from 'electron';
import type { ProviderId } from '../../common/catalog/providerIds';
import type { SecretStore } from '../services/secrets/secretStore';

interface StoredKey {
  /** safeStorage ciphertext, base64. */
  ciphertext: string;
  /** Linux backend the key was encrypted with: a different one cannot decrypt it. */
  backend: string;
}

/** The electron-store slice the secret store needs (a fake in tests). */
export interface KeyFile {
  get(name: 'keys'): Record<string, StoredKey> | undefined;
  set(name: 'keys', value: Record<string, StoredKey>): void;
}

type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/**
 * Keys encrypted with Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet) and kept in
 * `secrets.json` in userData through electron-store; only the ciphertext is on disk. On Linux
 * without a keyring safeStorage falls back to a hard-coded password (`basic_text`): then keys are
 * kept for this session only, in memory, and the Keys settings show a warning. A key that no longer
 * decrypts (keyring changed) reads as absent: the user enters it again; nothing else is lost.
 */
export class ElectronSecretStore implements SecretStore {
  private readonly session = new Map<ProviderId, string>();
  private keyFile: KeyFile | null;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    file?: KeyFile,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.keyFile = file ?? null;
  }

  /** electron-store is opened on first use (after app ready), never at construction. */
  private get file(): KeyFile {
    this.keyFile ??= new ElectronStore<{ keys: Record<string, StoredKey> }>({
      name: 'secrets',
      clearInvalidConfig: true,
    }) as unknown as KeyFile;
    return this.keyFile;
  }

  get storage(): 'os-keychain' | 'memory' {
    return this.strong() ? 'os-keychain' : 'memory';
  }

  weakness(): string | null {
    if (!this.safeStorage.isEncryptionAvailable()) {
      return 'This system offers no safe storage for secrets: keys are kept for this session only. Set the provider environment variables to keep them.';
    }
    if (this.backend() === 'basic_text') {
      return 'No keyring was found (Linux basic_text: encryption with a fixed password). Keys are kept for this session only; install/unlock GNOME Keyring or KWallet, or start with --password-store=gnome-libsecret, or use environment variables.';
    }
    return null;
  }

  async get(provider: ProviderId): Promise<string | null> {
    const session = this.session.get(provider);
    if (session) return session;
    if (!this.strong()) return null;
    const stored = this.file.get('keys')?.[provider];
    if (!stored) return null;
    if (stored.backend !== this.backend()) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(stored.ciphertext, 'base64'));
    } catch {
      return null;
    }
  }

  async set(provider: ProviderId, key: string): Promise<void> {
    if (!this.strong()) {
      this.session.set(provider, key);
      return;
    }
    const ciphertext = this.safeStorage.encryptString(key).toString('base64');
    this.file.set('keys', {
      ...(this.file.get('keys') ?? {}),
      [provider]: { ciphertext, backend: this.backend() },
    });
    this.session.delete(provider);
  }

  async delete(provider: ProviderId): Promise<void> {
    this.session.delete(provider);
    const keys = { ...(this.file.get('keys') ?? {}) };
    if (provider in keys) {
      delete keys[provider];
      this.file.set('keys', keys);
    }
  }

  private strong(): boolean {
    return this.weakness() === null;
  }

  private backend(): string {
    return this.platform === 'linux' ? this.safeStorage.getSelectedStorageBackend() : this.platform;
  }
}
