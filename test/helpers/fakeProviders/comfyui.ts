import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveContent } from './fakeContent';
import { FakeServer, sendJson, type RecordedRequest } from './fakeServerBase';

/**
 * A fake ComfyUI (providers.md (h); Comfy-Org/ComfyUI server.py): `/upload/image`, `POST /prompt`
 * with an API-format graph (checked: known node classes, links to existing nodes, uploaded images,
 * installed model files, no unfilled placeholders), a one-at-a-time executor on timers that sends
 * `execution_start`, `progress`, `executing {node:null}` and `execution_success` / `execution_error`
 * frames on `/ws?clientId=` to the prompt's client, `/history/{id}`, `/queue`, `/interrupt`,
 * `POST /queue {delete}`, `/view` downloads and `/system_stats`. Timers stop on close().
 */

const knownNodes = new Set([
  'UNETLoader',
  'CLIPLoader',
  'VAELoader',
  'CLIPVisionLoader',
  'CheckpointLoaderSimple',
  'LoadImage',
  'CLIPVisionEncode',
  'CLIPTextEncode',
  'WanImageToVideo',
  'WanFirstLastFrameToVideo',
  'ModelSamplingSD3',
  'KSampler',
  'VAEDecode',
  'CreateVideo',
  'SaveVideo',
  'LTXVImgToVideo',
  'LTXVConditioning',
  'EmptyLTXVLatentVideo',
  'LTXVAddGuide',
  'LTXVCropGuides',
]);
const modelInputs = ['unet_name', 'clip_name', 'vae_name', 'ckpt_name'];
const numericInputs = ['width', 'height', 'length', 'fps', 'seed', 'frame_rate', 'batch_size', 'steps'];

type Graph = Record<string, { class_type?: unknown; inputs?: Record<string, unknown> }>;
export type ComfyOutcome = { kind: 'video' } | { kind: 'error'; message: string };

export interface FakePrompt {
  id: string;
  number: number;
  clientId: string;
  graph: Graph;
  outcome: ComfyOutcome;
  state: 'pending' | 'running' | 'done';
  /** Keep running until released (cancel tests). */
  hold: boolean;
}

export class FakeComfy {
  readonly prompts = new Map<string, FakePrompt>();
  readonly history: Record<string, unknown> = {};
  readonly uploads = new Map<string, number>();
  readonly violations: string[] = [];
  readonly installedModels = new Set([
    'wan2.1_i2v_480p_14B_fp16.safetensors',
    'wan2.1_flf2v_720p_14B_fp16.safetensors',
    'umt5_xxl_fp8_e4m3fn_scaled.safetensors',
    'wan_2.1_vae.safetensors',
    'clip_vision_h.safetensors',
    'ltx-video-2b-v0.9.5.safetensors',
    't5xxl_fp16.safetensors',
  ]);
  next: { outcome: ComfyOutcome; steps: number; hold: boolean } = {
    outcome: { kind: 'video' },
    steps: 6,
    hold: false,
  };
  stepMs = 25;
  /** A real media file to serve as the output (engine tests verify it with ffprobe); filler bytes when null. */
  contentFile: Buffer | null = null;
  contentBytes = 150 * 1024;
  cutDownloadsAfter: number | null = null;
  deletedOutputs = new Set<string>();
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly timers = new Set<NodeJS.Timeout>();
  private counter = 0;
  private running: FakePrompt | null = null;

  constructor(readonly server: FakeServer) {
    server.httpServer?.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.upgrade(request, socket, head),
    );
    server.route('POST', '/upload/image', (request, response) => this.upload(request, response));
    server.route('POST', '/prompt', (request, response) => this.prompt(request, response));
    server.route('GET', '/history/:id', (request, response) => {
      const entry = this.history[request.params.id ?? ''];
      sendJson(response, 200, entry ? { [request.params.id!]: entry } : {});
    });
    server.route('GET', '/queue', (_request, response) => sendJson(response, 200, this.queue()));
    server.route('POST', '/queue', (request, response) => this.deleteFromQueue(request, response));
    server.route('POST', '/interrupt', (request, response) => this.interrupt(request, response));
    server.route('GET', '/view', (request, response) => this.view(request, response));
    server.route('GET', '/system_stats', (_request, response) =>
      sendJson(response, 200, {
        system: { os: 'posix', comfyui_version: '0.3.66', python_version: '3.12' },
        devices: [{ name: 'cuda:0 fake', type: 'cuda' }],
      }),
    );
  }

  get promptPosts(): number {
    return this.server.count('POST', '/prompt');
  }

  get connectedClients(): number {
    return [...this.sockets.values()].reduce((sum, set) => sum + set.size, 0);
  }

  /** Finishes a held prompt. */
  release(promptId: string): void {
    const prompt = this.prompts.get(promptId);
    if (prompt) {
      prompt.hold = false;
      if (this.running === prompt) this.later(() => this.finish(prompt), this.stepMs);
    }
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const set of this.sockets.values()) for (const socket of set) socket.terminate();
    this.wss.close();
    await this.server.close();
  }

  private later(run: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/ws') {
      socket.destroy();
      return;
    }
    const clientId = url.searchParams.get('clientId') ?? `anon${this.counter}`;
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const set = this.sockets.get(clientId) ?? new Set();
      set.add(ws);
      this.sockets.set(clientId, set);
      ws.on('close', () => set.delete(ws));
      ws.send(
        JSON.stringify({
          type: 'status',
          data: { status: { exec_info: { queue_remaining: this.queueLength() } }, sid: clientId },
        }),
      );
    });
  }

  private send(clientId: string, type: string, data: Record<string, unknown>): void {
    for (const ws of this.sockets.get(clientId) ?? []) ws.send(JSON.stringify({ type, data }));
    // A binary preview frame (type 1 = preview image, format 2 = PNG) that clients must ignore.
    if (type === 'progress')
      for (const ws of this.sockets.get(clientId) ?? [])
        ws.send(Buffer.from([0, 0, 0, 1, 0, 0, 0, 2, 0x89, 0x50]));
  }

  private upload(request: RecordedRequest, response: ServerResponse): Promise<void> {
    return new Response(new Uint8Array(request.body), {
      headers: { 'content-type': String(request.headers['content-type']) },
    })
      .formData()
      .then((form) => {
        const image = form.get('image');
        if (!image || typeof image === 'string') {
          response.writeHead(400);
          response.end();
          return;
        }
        this.uploads.set(image.name, image.size);
        sendJson(response, 200, {
          name: image.name,
          subfolder: '',
          type: String(form.get('type') ?? 'input'),
        });
      });
  }

  private check(graph: Graph): { errors: string[]; nodeErrors: Record<string, unknown> } {
    const errors: string[] = [];
    const nodeErrors: Record<string, unknown> = {};
    if (!graph || typeof graph !== 'object' || Object.keys(graph).length === 0)
      return { errors: ['prompt is not a graph'], nodeErrors };
    if (JSON.stringify(graph).includes('{{')) errors.push('an unfilled {{placeholder}} is left in the graph');
    let outputs = 0;
    for (const [id, node] of Object.entries(graph)) {
      const type = String(node.class_type);
      if (!knownNodes.has(type)) errors.push(`node ${id}: unknown class_type ${type}`);
      if (type === 'SaveVideo') outputs += 1;
      for (const [name, value] of Object.entries(node.inputs ?? {})) {
        if (
          Array.isArray(value) &&
          (typeof value[0] !== 'string' || !(value[0] in graph) || typeof value[1] !== 'number')
        ) {
          errors.push(`node ${id}.${name}: link to a missing node ${String(value[0])}`);
        }
        if (numericInputs.includes(name) && !Array.isArray(value) && typeof value !== 'number')
          errors.push(`node ${id}.${name} must be a number`);
        if (modelInputs.includes(name) && typeof value === 'string' && !this.installedModels.has(value)) {
          nodeErrors[id] = {
            errors: [
              {
                type: 'value_not_in_list',
                message: 'Value not in list',
                details: `${name}: '${value}' not in [${[...this.installedModels].join(', ')}]`,
                extra_info: {},
              },
            ],
            dependent_outputs: [],
            class_type: type,
          };
        }
      }
      if (type === 'LoadImage' && !this.uploads.has(String(node.inputs?.image)))
        errors.push(`node ${id}: image ${String(node.inputs?.image)} was not uploaded`);
    }
    if (outputs === 0) errors.push('the graph has no SaveVideo output');
    return { errors, nodeErrors };
  }

  private prompt(request: RecordedRequest, response: ServerResponse): void {
    const body = (request.json ?? {}) as { prompt?: Graph; client_id?: string; prompt_id?: string };
    const { errors, nodeErrors } = this.check(body.prompt ?? {});
    this.violations.push(...errors);
    if (errors.length > 0 || Object.keys(nodeErrors).length > 0) {
      sendJson(response, 400, {
        error: {
          type: 'prompt_outputs_failed_validation',
          message: 'Prompt outputs failed validation',
          details: errors.join('; '),
          extra_info: {},
        },
        node_errors: nodeErrors,
      });
      return;
    }
    this.counter += 1;
    const id = body.prompt_id ?? `00000000-0000-4000-8000-${String(this.counter).padStart(12, '0')}`;
    const prompt: FakePrompt = {
      id,
      number: this.counter,
      clientId: body.client_id ?? '',
      graph: body.prompt!,
      outcome: this.next.outcome,
      state: 'pending',
      hold: this.next.hold,
    };
    this.prompts.set(id, prompt);
    sendJson(response, 200, { prompt_id: id, number: prompt.number, node_errors: {} });
    this.later(() => this.runNext(), 1);
  }

  private queueLength(): number {
    return [...this.prompts.values()].filter((prompt) => prompt.state !== 'done').length;
  }

  private queue(): unknown {
    const entry = (prompt: FakePrompt) => [
      prompt.number,
      prompt.id,
      prompt.graph,
      { client_id: prompt.clientId },
      [],
    ];
    const list = [...this.prompts.values()];
    return {
      queue_running: list.filter((p) => p.state === 'running').map(entry),
      queue_pending: list.filter((p) => p.state === 'pending').map(entry),
    };
  }

  private runNext(): void {
    if (this.running) return;
    const prompt = [...this.prompts.values()].find((candidate) => candidate.state === 'pending');
    if (!prompt) return;
    this.running = prompt;
    prompt.state = 'running';
    this.send(prompt.clientId, 'execution_start', { prompt_id: prompt.id, timestamp: Date.now() });
    const steps = this.next.steps;
    const sampler =
      Object.entries(prompt.graph).find(([, node]) => node.class_type === 'KSampler')?.[0] ?? '1';
    const tick = (value: number): void => {
      if (this.running !== prompt) return;
      this.send(prompt.clientId, 'executing', { node: sampler, display_node: sampler, prompt_id: prompt.id });
      this.send(prompt.clientId, 'progress', { value, max: steps, prompt_id: prompt.id, node: sampler });
      if (value < steps) this.later(() => tick(value + 1), this.stepMs);
      else if (!prompt.hold) this.later(() => this.finish(prompt), this.stepMs);
    };
    this.later(() => tick(1), this.stepMs);
  }

  private finish(prompt: FakePrompt, interrupted = false): void {
    if (prompt.state === 'done') return;
    prompt.state = 'done';
    if (this.running === prompt) this.running = null;
    const messages: unknown[] = [['execution_start', { prompt_id: prompt.id }]];
    const saveNode =
      Object.entries(prompt.graph).find(([, node]) => node.class_type === 'SaveVideo')?.[0] ?? '1';
    const prefix = String(prompt.graph[saveNode]?.inputs?.filename_prefix ?? 'ComfyUI');
    let status: Record<string, unknown>;
    let outputs: Record<string, unknown> = {};
    if (interrupted) {
      messages.push([
        'execution_interrupted',
        { prompt_id: prompt.id, node_id: saveNode, node_type: 'KSampler', executed: [] },
      ]);
      status = { status_str: 'error', completed: false, messages };
      this.send(prompt.clientId, 'execution_interrupted', { prompt_id: prompt.id });
    } else if (prompt.outcome.kind === 'error') {
      const error = {
        prompt_id: prompt.id,
        node_id: saveNode,
        node_type: 'KSampler',
        exception_message: prompt.outcome.message,
        exception_type: 'torch.OutOfMemoryError',
        traceback: [],
      };
      messages.push(['execution_error', error]);
      status = { status_str: 'error', completed: false, messages };
      this.send(prompt.clientId, 'execution_error', error);
    } else {
      const [folder, name] = prefix.includes('/')
        ? [prefix.slice(0, prefix.lastIndexOf('/')), prefix.slice(prefix.lastIndexOf('/') + 1)]
        : ['', prefix];
      outputs = {
        [saveNode]: {
          images: [{ filename: `${name}_00001_.mp4`, subfolder: folder, type: 'output' }],
          animated: [true],
        },
      };
      messages.push(['execution_success', { prompt_id: prompt.id }]);
      status = { status_str: 'success', completed: true, messages };
      this.send(prompt.clientId, 'executed', {
        node: saveNode,
        output: outputs[saveNode],
        prompt_id: prompt.id,
      });
      this.send(prompt.clientId, 'execution_success', { prompt_id: prompt.id });
    }
    this.send(prompt.clientId, 'executing', { node: null, prompt_id: prompt.id });
    this.history[prompt.id] = {
      prompt: [prompt.number, prompt.id, prompt.graph, {}, [saveNode]],
      outputs,
      status,
      meta: {},
    };
    this.later(() => this.runNext(), 1);
  }

  private interrupt(request: RecordedRequest, response: ServerResponse): void {
    const id = (request.json as { prompt_id?: string } | undefined)?.prompt_id;
    if (!id) this.violations.push('a global /interrupt (no prompt_id) would stop other users’ jobs');
    if (this.running && (!id || this.running.id === id)) this.finish(this.running, true);
    response.writeHead(200);
    response.end();
  }

  private deleteFromQueue(request: RecordedRequest, response: ServerResponse): void {
    const ids = (request.json as { delete?: string[] } | undefined)?.delete ?? [];
    for (const id of ids) {
      const prompt = this.prompts.get(id);
      if (prompt?.state === 'pending') this.prompts.delete(id);
    }
    response.writeHead(200);
    response.end();
  }

  private view(request: RecordedRequest, response: ServerResponse): void {
    const filename = request.query.get('filename') ?? '';
    const subfolder = request.query.get('subfolder') ?? '';
    const known = Object.values(this.history).some((entry) =>
      JSON.stringify((entry as { outputs: unknown }).outputs).includes(
        `"filename":"${filename}","subfolder":"${subfolder}"`,
      ),
    );
    if (!known || request.query.get('type') !== 'output' || this.deletedOutputs.has(filename)) {
      response.writeHead(404);
      response.end();
      return;
    }
    serveContent(response, request, {
      file: this.contentFile,
      bytes: this.contentBytes,
      cutAfter: this.cutDownloadsAfter,
    });
  }
}

export async function startFakeComfy(): Promise<FakeComfy> {
  return new FakeComfy(await FakeServer.start());
}
