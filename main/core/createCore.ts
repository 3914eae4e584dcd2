import { mkdir } from 'node:fs/promises';
import type { HostKind } from '../../common/contract';
import { Binaries } from '../ffmpeg/binaries';
import { PidRegistry } from '../ffmpeg/pidRegistry';
import { setDefaultPidRegistry } from '../ffmpeg/runner';
import { openExternalLink, type OpenExternal } from '../security/openExternalLink';
import { appInfo } from '../services/app/appInfo';
import { revealHandlers, type RevealPath } from '../services/app/revealHandlers';
import {
  createGeneration,
  type Generation,
  type GenerationSetup,
} from '../services/generation/createGenerationService';
import { interchangeHandlers } from '../services/interchange/interchangeHandlers';
import { settingsHandlers, type ChooseFfmpegFile } from '../services/settings/settingsHandlers';
import { SettingsStore } from '../services/settings/settingsStore';
import { cacheHandlers } from '../services/media/cacheHandlers';
import { createMediaService } from '../services/media/createMediaService';
import type { PickFiles } from '../services/media/importSources';
import type { MediaService } from '../services/media/mediaService';
import type { UploadStore } from '../services/media/uploadStore';
import { createProjectService } from '../services/project/createProjectService';
import type { ChooseFolder } from '../services/project/projectLocations';
import type { ProjectService } from '../services/project/projectService';
import { renderHandlers } from '../services/render/renderHandlers';
import { RenderService, type ChooseSaveFile } from '../services/render/renderService';
import type { SecretStore } from '../services/secrets/secretStore';
import { dispatch } from './dispatch';
import { providerBaseUrlsFromEnv } from './providerBaseUrls';
import { EventBus } from './eventBus';
import type { CallContext, HandlerMap } from './handlers';

export interface CoreOptions {
  host: HostKind;
  dataDir: string;
  /** Folder of ffmpeg/ffprobe shipped with the app, when there is one. */
  bundledBinDir?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Opens an allow-listed https URL in the system browser; hosts without one leave it out. */
  openExternal?: OpenExternal;
  /** Shows a folder dialog (new / open / save-as project, relink search); hosts without one leave it out. */
  chooseFolder?: ChooseFolder;
  /** Autosave period of unsaved project changes (30 s by default); tests shorten it. */
  autosaveIntervalMs?: number;
  /** Shows an open-file dialog for media:import; hosts without one leave it out (the browser uploads). */
  pickFiles?: PickFiles;
  /** Shows a save dialog for render:start; hosts without one export into the project's exports/. */
  chooseSaveFile?: ChooseSaveFile;
  /** Where provider keys are kept (Electron: safeStorage); a 0600 file in dataDir otherwise. */
  secretStore?: SecretStore;
  /** Shows a file in the system file manager (app:revealAsset / app:revealExport); others leave it out. */
  revealPath?: RevealPath;
  /** An open-file dialog for choosing the ffmpeg program (settings:ffmpeg); only the desktop app has one. */
  chooseFfmpegFile?: ChooseFfmpegFile;
  /**
   * Edit-ready copies of imported videos and arriving takes, made in the background when the
   * setting allows (on by default in the desktop app and the browser host; the CLI exits first).
   */
  backgroundEditReady?: boolean;
  /** Generation overrides for tests: adapters, provider base URLs, engine timing. */
  generation?: Pick<GenerationSetup, 'registry' | 'baseUrls' | 'engine'>;
}

/** The services every host shares, and the one way into them. */
export interface Core {
  readonly host: HostKind;
  readonly dataDir: string;
  readonly events: EventBus;
  readonly binaries: Binaries;
  readonly settings: SettingsStore;
  /** The project store; other services receive it as ProjectAccess. */
  readonly projects: ProjectService;
  /** Probe, import, thumbnails, peaks, frame grabs; serves media to the hosts' routes. */
  readonly media: MediaService;
  /** Files uploaded by the browser host, waiting for media:import. */
  readonly uploads: UploadStore;
  /** Exports and edit-ready copies. */
  readonly render: RenderService;
  /** Generation: keys, provider adapters, the job engine and the generation service. */
  readonly generation: Generation;
  readonly handlers: HandlerMap;
  invoke(channel: unknown, request: unknown, context: CallContext): ReturnType<typeof dispatch>;
  dispose(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  await mkdir(options.dataDir, { recursive: true });
  const events = new EventBus();
  const settings = new SettingsStore(options.dataDir);
  await settings.load();
  const binaries = new Binaries(() => ({
    settingPath: settings.peek().ffmpegPath,
    env: options.env ?? process.env,
    bundledDir: options.bundledBinDir ?? null,
  }));

  const projects = createProjectService({
    host: options.host,
    dataDir: options.dataDir,
    settings,
    emit: (event, payload) => events.emit(event, payload),
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
    ...(options.autosaveIntervalMs !== undefined ? { autosaveIntervalMs: options.autosaveIntervalMs } : {}),
  });

  // Set below: imports happen only after the core is made, so the render service exists by then.
  let onVideoImported: (assetIds: string[]) => void = () => undefined;
  const media = createMediaService({
    projects: projects.service,
    binaries,
    emit: (event, payload) => events.emit(event, payload),
    dataDir: options.dataDir,
    onVideoImported: (assetIds) => onVideoImported(assetIds),
    ...(options.pickFiles ? { pickFiles: options.pickFiles } : {}),
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
  });

  // ffmpeg children a crashed run left behind are ended before anything new starts.
  const pidRegistry = new PidRegistry(options.dataDir);
  await pidRegistry.reapOrphans().catch(() => []);
  setDefaultPidRegistry(pidRegistry);
  const render = new RenderService({
    host: options.host,
    dataDir: options.dataDir,
    projects: projects.service,
    ffmpegPath: () => binaries.ffmpegPath(),
    ffprobePath: () => binaries.ffprobePath(),
    registry: pidRegistry,
    emitProgress: (payload) => events.emit('render:progressed', payload),
    emitFinished: (payload) => events.emit('render:finished', payload),
    ...(options.chooseSaveFile ? { chooseSaveFile: options.chooseSaveFile } : {}),
  });

  if (options.backgroundEditReady ?? options.host !== 'cli')
    onVideoImported = (assetIds) => {
      if (settings.peek().editReadyCopies) void render.autoEditReady(assetIds).catch(() => undefined);
    };

  const fromEnv = providerBaseUrlsFromEnv(options.env ?? process.env);
  for (const reason of fromEnv.refused) console.warn(`Shotloom: ignoring a provider base URL: ${reason}.`);
  const generation = await createGeneration({
    dataDir: options.dataDir,
    projects: projects.service,
    media: media.service,
    binaries,
    emit: (event, payload) => events.emit(event, payload),
    env: options.env ?? process.env,
    ...(options.secretStore ? { secretStore: options.secretStore } : {}),
    comfyUrls: () => settings.peek().comfyUrls,
    ...options.generation,
    baseUrls: { ...fromEnv.baseUrls, ...options.generation?.baseUrls },
  });

  // Exports running now read edit-ready copies from cache/, so the cache is not emptied under them.
  const runningRenders = new Set<string>();
  events.subscribe((event, payload) => {
    const jobId = (payload as { jobId?: unknown }).jobId;
    if (typeof jobId !== 'string') return;
    if (event === 'render:progressed') runningRenders.add(jobId);
    else if (event === 'render:finished') runningRenders.delete(jobId);
  });

  const handlers: HandlerMap = {
    ...projects.handlers,
    ...generation.handlers,
    ...interchangeHandlers({
      projects: projects.service,
      binaries,
      ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
    }),
    ...media.handlers,
    ...renderHandlers(render),
    'app:info': () => appInfo(options.host, binaries, options.dataDir),
    'app:openExternal': (request) => openExternalLink(request.link, options.openExternal),
    ...settingsHandlers({ settings, binaries, chooseFfmpegFile: options.chooseFfmpegFile }),
    ...cacheHandlers({
      projects: projects.service,
      busyReason: () => (runningRenders.size > 0 ? 'an export is running' : null),
    }),
    ...revealHandlers({
      projects: projects.service,
      exports: () => render.list(),
      revealPath: options.revealPath,
    }),
  };

  return {
    host: options.host,
    dataDir: options.dataDir,
    events,
    binaries,
    settings,
    projects: projects.service,
    media: media.service,
    uploads: media.uploads,
    render,
    generation,
    handlers,
    invoke: (channel, request, context) => dispatch(handlers, channel, request, context),
    dispose: async () => {
      await generation.dispose();
      await render.dispose();
      media.service.dispose();
      return projects.service.dispose();
    },
  };
}
