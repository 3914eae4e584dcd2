import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../common/contract';
import { estimateFromCatalog, validateWithCatalog } from '../capability';
import { streamDownload } from '../download';
import type {
  AdapterContext,
  CostEstimate,
  CreateResult,
  DownloadResult,
  GenerationOutput,
  GenerationRequest,
  KeyTestResult,
  LocalMedia,
  PollResult,
  ProviderAdapter,
  UncertainCreate,
} from '../types';
import { comfyFetch, comfyHeaders } from './comfyHttp';
import {
  comfyTaskId,
  fetchQueue,
  machinesOf,
  parseComfyTaskId,
  pickMachine,
  promptIdFor,
  queueState,
} from './comfyMachines';
import { ComfyProgressWatcher } from './comfyProgress';
import {
  fillTemplate,
  findTemplate,
  templateLength,
  templateSize,
  type WorkflowTemplate,
} from './comfyTemplates';
import { historyToPoll, type ComfyHistory } from './comfyHistory';
import { promptWithCamera } from '../promptText';

export interface ComfyAdapterOptions {
  /** ComfyUI base URLs; jobs go to the one with the shortest queue. */
  machines?: string[];
  pollIntervalMs?: number;
}

function templateFor(request: GenerationRequest): WorkflowTemplate {
  const template = findTemplate(request.options.workflowTemplate ?? request.model);
  if (template.mode !== request.mode) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `The ComfyUI workflow ${template.id} does ${template.mode}, not ${request.mode}.`,
    );
  }
  if (!request.keyframes.first)
    throw new AppError('BAD_REQUEST', 'This ComfyUI workflow needs a first keyframe.');
  if (template.mode === 'firstLastFrame' && !request.keyframes.last) {
    throw new AppError('BAD_REQUEST', 'This ComfyUI workflow needs first and last keyframes.');
  }
  templateSize(request.ratio);
  return template;
}

/** A seed that is the shot's, or stable for the job (so a resubmitted job renders the same take). */
function seedFor(request: GenerationRequest, jobId: string): number {
  if (request.seed !== null) return request.seed;
  return createHash('sha256').update(jobId).digest().readUInt32BE(0);
}

/** ComfyUI on one or several machines: plain HTTP (`/prompt`, `/history`, `/view`) and WebSocket progress. */
export class ComfyAdapter implements ProviderAdapter {
  readonly id = 'comfyui' as const;
  readonly requiresKey = false;
  readonly defaultConcurrency = 2;
  readonly pollIntervalMs: number;
  private readonly machines: string[];
  private readonly watcher: ComfyProgressWatcher;
  private turn = 0;

  constructor(options: ComfyAdapterOptions = {}) {
    this.machines = options.machines ?? [];
    this.pollIntervalMs = options.pollIntervalMs ?? 2_000;
    this.watcher = new ComfyProgressWatcher();
  }

  validate(request: GenerationRequest): void {
    validateWithCatalog(request);
    templateFor(request);
  }

  estimateCost(request: GenerationRequest): CostEstimate {
    return estimateFromCatalog(request);
  }

  private async upload(context: AdapterContext, machine: string, media: LocalMedia): Promise<string> {
    const form = new FormData();
    form.append(
      'image',
      new File([await readFile(media.path)], `shotloom-${context.jobId}-${basename(media.path)}`, {
        type: media.mimeType,
      }),
    );
    form.append('type', 'input');
    form.append('overwrite', 'true');
    const stored = await comfyFetch<{ name: string; subfolder?: string }>(context, {
      machine,
      path: '/upload/image',
      method: 'POST',
      form,
      phase: 'upload',
      timeoutMs: context.createTimeoutMs,
    });
    return stored.subfolder ? `${stored.subfolder}/${stored.name}` : stored.name;
  }

  async create(request: GenerationRequest, context: AdapterContext): Promise<CreateResult> {
    const template = templateFor(request);
    const machine = await pickMachine(context, machinesOf(context, this.machines), this.turn++);
    const [width, height] = templateSize(request.ratio);
    const fps = template.fps ?? Math.max(1, Math.round(request.rate.num / request.rate.den));
    const values: Record<string, string | number> = {
      prompt: promptWithCamera(request),
      negativePrompt: request.negativePrompt,
      width,
      height,
      fps,
      length: templateLength(request.durationSeconds, fps, template.frameMultiple),
      seed: seedFor(request, context.jobId),
      filenamePrefix: `shotloom/${context.jobId}`,
      firstImage: await this.upload(context, machine, request.keyframes.first!),
    };
    if (template.mode === 'firstLastFrame')
      values.lastImage = await this.upload(context, machine, request.keyframes.last!);
    const graph = fillTemplate(template, values);
    const promptId = promptIdFor(context.jobId);
    const clientId = `shotloom-${context.jobId}`;
    this.watcher.watch(machine, clientId, promptId, comfyHeaders(context));
    try {
      const answer = await comfyFetch<{ prompt_id?: string }>(context, {
        machine,
        path: '/prompt',
        method: 'POST',
        json: { prompt: graph, client_id: clientId, prompt_id: promptId },
        phase: 'create',
        timeoutMs: context.createTimeoutMs,
      });
      const id = answer.prompt_id ?? promptId;
      context.log(`comfyui: queued ${template.id} as ${id} on ${machine}`);
      return { taskId: comfyTaskId(machine, id) };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'PROVIDER_UNCERTAIN') this.watcher.forget(promptId);
      throw error;
    }
  }

  private async finished(
    context: AdapterContext,
    machine: string,
    promptId: string,
  ): Promise<PollResult | null> {
    const history = await comfyFetch<ComfyHistory>(context, {
      machine,
      path: `/history/${encodeURIComponent(promptId)}`,
      phase: 'poll',
      timeoutMs: context.requestTimeoutMs,
    });
    const finished = historyToPoll(machine, history[promptId]);
    if (finished) this.watcher.forget(promptId);
    return finished;
  }

  async poll(taskId: string, context: AdapterContext): Promise<PollResult> {
    const { machine, promptId } = parseComfyTaskId(taskId);
    const finished = await this.finished(context, machine, promptId);
    if (finished) return finished;
    const state = queueState(await fetchQueue(context, machine), promptId);
    if (state === null) {
      // It may have finished between the two reads: the history is the answer then.
      const justFinished = await this.finished(context, machine, promptId);
      if (justFinished) return justFinished;
    }
    if (state === 'running' || state === 'pending') {
      this.watcher.watch(machine, `shotloom-${context.jobId}`, promptId, comfyHeaders(context));
      return state === 'running'
        ? { status: 'running', progress: this.watcher.progressOf(promptId) }
        : { status: 'queued', progress: null };
    }
    this.watcher.forget(promptId);
    return {
      status: 'failed',
      failure: {
        code: 'PROVIDER_FAILED',
        message: `ComfyUI at ${machine} no longer knows this job (was it restarted or its history cleared?).`,
        moderation: false,
        retryable: true,
      },
    };
  }

  /** Interrupts the prompt when it runs, removes it from the queue when it waits. */
  async cancel(taskId: string, context: AdapterContext): Promise<void> {
    const { machine, promptId } = parseComfyTaskId(taskId);
    const state = queueState(await fetchQueue(context, machine), promptId);
    const call = {
      machine,
      method: 'POST' as const,
      phase: 'cancel' as const,
      timeoutMs: context.requestTimeoutMs,
    };
    if (state === 'running')
      await comfyFetch(context, { ...call, path: '/interrupt', json: { prompt_id: promptId } });
    if (state === 'pending')
      await comfyFetch(context, { ...call, path: '/queue', json: { delete: [promptId] } });
    this.watcher.forget(promptId);
  }

  /** The job's prompt id is derived from its id, so every machine can be asked whether it has it. */
  async reconcile(uncertain: UncertainCreate, context: AdapterContext): Promise<string | null | undefined> {
    const promptId = promptIdFor(uncertain.jobId);
    let unanswered = false;
    for (const machine of machinesOf(context, this.machines)) {
      try {
        const history = await comfyFetch<ComfyHistory>(context, {
          machine,
          path: `/history/${promptId}`,
          phase: 'poll',
          timeoutMs: context.requestTimeoutMs,
        });
        if (history[promptId] || queueState(await fetchQueue(context, machine), promptId))
          return comfyTaskId(machine, promptId);
      } catch {
        unanswered = true;
      }
    }
    return unanswered ? undefined : null;
  }

  download(
    output: GenerationOutput,
    destinationFile: string,
    context: AdapterContext,
  ): Promise<DownloadResult> {
    if (output.kind !== 'url') throw new AppError('INTERNAL', 'ComfyUI outputs are /view links.');
    return streamDownload({
      url: output.url,
      destinationFile,
      signal: context.signal,
      provider: 'ComfyUI',
      headers: comfyHeaders(context),
      secrets: [context.apiKey],
      resume: true,
    });
  }

  async testKey(context: AdapterContext): Promise<KeyTestResult> {
    const results = await Promise.all(
      machinesOf(context, this.machines).map(async (machine) => {
        try {
          const stats = await comfyFetch<{ system?: { comfyui_version?: string } }>(context, {
            machine,
            path: '/system_stats',
            phase: 'other',
            timeoutMs: context.requestTimeoutMs,
          });
          return `${machine}: ComfyUI ${stats.system?.comfyui_version ?? '(version unknown)'}`;
        } catch (error) {
          return `${machine}: ${error instanceof Error ? error.message : String(error)}`;
        }
      }),
    );
    return { ok: results.every((line) => line.includes(': ComfyUI ')), detail: results.join('; ') };
  }

  /** Closes the progress sockets (the engine calls it on shutdown). */
  close(): void {
    this.watcher.close();
  }

  get openProgressSockets(): number {
    return this.watcher.openSockets;
  }
}
