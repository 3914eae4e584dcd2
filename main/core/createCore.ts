import { mkdir } from 'node:fs/promises';
import type { HostKind } from '../../common/contract';
import { Binaries } from '../ffmpeg/binaries';
import { openExternalLink, type OpenExternal } from '../security/openExternalLink';
import { appInfo } from '../services/app/appInfo';
import { SettingsStore } from '../services/settings/settingsStore';
import { createProjectService } from '../services/project/createProjectService';
import type { ChooseFolder } from '../services/project/projectLocations';
import type { ProjectService } from '../services/project/projectService';
import { dispatch } from './dispatch';
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

  const handlers: HandlerMap = {
    ...projects.handlers,
    'app:info': () => appInfo(options.host, binaries, options.dataDir),
    'app:openExternal': (request) => openExternalLink(request.link, options.openExternal),
  };

  return {
    host: options.host,
    dataDir: options.dataDir,
    events,
    binaries,
    settings,
    projects: projects.service,
    handlers,
    invoke: (channel, request, context) => dispatch(handlers, channel, request, context),
    dispose: () => projects.service.dispose(),
  };
}
