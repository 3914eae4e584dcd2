import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

// The packaging config, checked against the JSON schema electron-builder itself validates with
// (app-builder-lib/scheme.json), parsed by the same js-yaml electron-builder loads it with.
const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const appBuilderLib = dirname(require.resolve('app-builder-lib/package.json'));
const yaml = createRequire(join(appBuilderLib, 'package.json'))('js-yaml') as { load(text: string): unknown };

interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  directories: { buildResources: string };
  extraResources: Array<{ from: string; to: string; filter: string[] }>;
  fileAssociations: Array<{ ext: string; icon: string; mimeType: string }>;
  electronFuses: Record<string, boolean>;
  linux: { target: Target[]; icon: string };
  mac: { target: Target[]; icon: string };
  win: { target: Target[]; icon: string };
}

function loadConfig(): BuilderConfig {
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

function validator() {
  const schema = JSON.parse(readFileSync(join(appBuilderLib, 'scheme.json'), 'utf8')) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('electron-builder.yml', () => {
  it('is valid against the schema electron-builder 26 ships', () => {
    const validate = validator();
    const ok = validate(loadConfig());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it("passes electron-builder's own configuration check", async () => {
    const { validateConfiguration } = require(join(appBuilderLib, 'out/util/config/config.js')) as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean }): Promise<void>;
    };
    await expect(validateConfiguration(loadConfig(), { isEnabled: false })).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...loadConfig(), electronFuse: {} }, { isEnabled: false }),
    ).rejects.toThrow(/unknown property 'electronFuse'/);
  });

  it('would reject a misspelt option, so the schema check can fail', () => {
    const validate = validator();
    expect(validate({ ...loadConfig(), electronFuse: { runAsNode: false } })).toBe(false);
    expect(validate({ ...loadConfig(), mac: { ...loadConfig().mac, target: 42 } })).toBe(false);
  });

  it('builds AppImage and deb, a universal dmg, and an NSIS installer', () => {
    const config = loadConfig();
    expect(config.appId).toBe('org.shotloom.app');
    // Windows matches Jump Lists to the app by this id: the app must set the installer's one.
    const electronMain = readFileSync(join(root, 'main', 'electron', 'index.ts'), 'utf8');
    expect(electronMain).toContain(`app.setAppUserModelId('${config.appId}')`);
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
  });

  it('flips the fuses that turn the app into a Node runner or let unchecked code load', () => {
    expect(loadConfig().electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships ffmpeg and ffprobe outside the asar, in resources/bin where the lookup expects them', () => {
    const [ffmpeg] = loadConfig().extraResources;
    expect(ffmpeg?.to).toBe('bin');
    expect(ffmpeg?.from).toBe('vendor/ffmpeg/${os}-${arch}');
    expect(ffmpeg?.filter).toEqual(
      expect.arrayContaining(['ffmpeg', 'ffprobe', 'ffmpeg.exe', 'ffprobe.exe']),
    );
    // main/electron/index.ts hands this folder to the core as bundledBinDir.
    const electronMain = readFileSync(join(root, 'main', 'electron', 'index.ts'), 'utf8');
    expect(electronMain).toContain("join(process.resourcesPath, 'bin')");
  });

  it('registers .shotloom and points every icon at a file that exists', () => {
    const config = loadConfig();
    const [association] = config.fileAssociations;
    expect(association?.ext).toBe('shotloom');
    const resources = join(root, config.directories.buildResources);
    for (const extension of ['icns', 'ico']) {
      expect(existsSync(join(resources, `${association?.icon}.${extension}`))).toBe(true);
    }
    expect(existsSync(join(root, config.mac.icon))).toBe(true);
    expect(existsSync(join(root, config.win.icon))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(existsSync(join(root, config.linux.icon, `${size}x${size}.png`))).toBe(true);
    }
  });
});
