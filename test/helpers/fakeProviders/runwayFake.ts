import { readFile } from 'node:fs/promises';
import { FakeServer, sendJson, streamBytes, type RecordedRequest } from './fakeServerBase';

/**
 * A fake Runway API on 127.0.0.1 speaking the wire protocol of providers.md §(a): Bearer auth and
 * X-Runway-Version checks, the create routes answering { id, estimatedCost }, GET/DELETE
 * /v1/tasks/{id} with the PENDING → RUNNING(progress) → SUCCEEDED|FAILED union, the ephemeral upload
 * flow (POST /v1/uploads, then a multipart POST to the returned uploadUrl), GET /v1/organization,
 * and signed output links whose signature changes on every retrieve (so an expired link can be
 * refreshed by fetching the task again).
 */

export interface RunwayTaskScript {
  /** RUNNING polls before the end (each GET advances one step). */
  runningPolls?: number;
  /** PENDING polls before RUNNING. */
  pendingPolls?: number;
  /** THROTTLED polls before PENDING. */
  throttledPolls?: number;
  /** End FAILED with this code and text instead of SUCCEEDED. */
  failure?: { failureCode: string; failure: string };
}

interface FakeTask {
  id: string;
  model: string;
  route: string;
  body: Record<string, unknown>;
  steps: Array<Record<string, unknown>>;
  polls: number;
  cancelled: boolean;
  signature: number;
  credits: number;
}

export interface RunwayFakeOptions {
  apiKey: string;
  /** The MP4 bytes every output link serves. */
  outputFile: string;
  /** Models the fake answers 404 for (a retired model). */
  retiredModels?: string[];
  /** Credits per second for estimatedCost / cost. */
  creditsPerSecond?: number;
}

export class RunwayFake {
  readonly tasks = new Map<string, FakeTask>();
  readonly uploads: Array<{ filename: string; bytes: number }> = [];
  /** Scripts for the next tasks created, in order; the default script is used when empty. */
  readonly scripts: RunwayTaskScript[] = [];
  /** The next N output downloads answer 403 (an expired signed link). */
  expireDownloads = 0;
  /** The next N output downloads answer 200 with an HTML error page instead of the video. */
  htmlDownloads = 0;
  /** The next N output downloads are cut after this many bytes. */
  cutDownloads = 0;
  cutAfterBytes = 20_000;
  /** Serves the output this many bytes long, made up on the fly (the 1 GB benchmark); null: the MP4. */
  syntheticOutputBytes: number | null = null;
  private counter = 0;
  private output: Buffer = Buffer.alloc(0);

  private constructor(
    readonly server: FakeServer,
    private readonly options: RunwayFakeOptions,
  ) {}

  static async start(options: RunwayFakeOptions): Promise<RunwayFake> {
    const fake = new RunwayFake(await FakeServer.start(), options);
    fake.output = await readFile(options.outputFile);
    fake.install();
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  /** Create requests the fake saw (every route that starts a paid task). */
  get createCount(): number {
    return this.server.requests.filter(
      (request) =>
        request.method === 'POST' &&
        /^\/v1\/(text_to_video|image_to_video|video_to_video|character_performance)$/.test(request.path),
    ).length;
  }

  /** Tasks actually created (a create that hung after acceptance still created one). */
  get taskCount(): number {
    return this.tasks.size;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private authorised(request: RecordedRequest): 'ok' | 'auth' | 'version' {
    if (request.headers.authorization !== `Bearer ${this.options.apiKey}`) return 'auth';
    if (request.headers['x-runway-version'] !== '2024-11-06') return 'version';
    return 'ok';
  }

  private guard(request: RecordedRequest, response: Parameters<typeof sendJson>[0]): boolean {
    const verdict = this.authorised(request);
    if (verdict === 'auth') {
      sendJson(response, 401, { error: 'Invalid API key' });
      return false;
    }
    if (verdict === 'version') {
      sendJson(response, 400, { error: 'X-Runway-Version header is required' });
      return false;
    }
    return true;
  }

  private install(): void {
    const server = this.server;
    for (const route of [
      '/v1/text_to_video',
      '/v1/image_to_video',
      '/v1/video_to_video',
      '/v1/character_performance',
    ]) {
      server.route('POST', route, (request, response) => {
        if (!this.guard(request, response)) return;
        const body = (request.json ?? {}) as Record<string, unknown>;
        const model = String(body.model ?? '');
        if (this.options.retiredModels?.includes(model)) {
          sendJson(response, 404, { error: `Model ${model} not found` });
          return;
        }
        const problem = this.validate(route, body);
        if (problem) {
          sendJson(response, 400, { error: problem });
          return;
        }
        const task = this.createTask(route, body);
        sendJson(response, 200, { id: task.id, estimatedCost: { credits: task.credits } });
      });
    }
    server.route('GET', '/v1/tasks/:id', (request, response) => {
      if (!this.guard(request, response)) return;
      const task = this.tasks.get(request.params.id ?? '');
      if (!task) {
        sendJson(response, 404, { error: 'Task not found' });
        return;
      }
      sendJson(response, 200, this.advance(task));
    });
    server.route('DELETE', '/v1/tasks/:id', (request, response) => {
      if (!this.guard(request, response)) return;
      const task = this.tasks.get(request.params.id ?? '');
      if (!task) {
        sendJson(response, 404, { error: 'Task not found' });
        return;
      }
      task.cancelled = true;
      response.writeHead(204).end();
    });
    server.route('POST', '/v1/uploads', (request, response) => {
      if (!this.guard(request, response)) return;
      const body = (request.json ?? {}) as { filename?: string; type?: string };
      if (!body.filename || body.type !== 'ephemeral') {
        sendJson(response, 400, { error: 'filename and type "ephemeral" are required' });
        return;
      }
      const id = `up${++this.counter}`;
      sendJson(response, 200, {
        uploadUrl: `${this.url}/storage/upload/${id}`,
        fields: { key: `uploads/${id}/${body.filename}`, policy: 'fake-policy' },
        runwayUri: `runway://uploads/${id}/${body.filename}`,
      });
    });
    server.route('POST', '/storage/upload/:id', (request, response) => {
      const type = String(request.headers['content-type'] ?? '');
      const text = request.body.toString('latin1');
      if (
        !type.startsWith('multipart/form-data') ||
        !text.includes('name="key"') ||
        !text.includes('name="file"')
      ) {
        response.writeHead(400).end('expected multipart with the policy fields and a file');
        return;
      }
      const filename = /filename="([^"]+)"/.exec(text)?.[1] ?? '';
      this.uploads.push({ filename, bytes: request.body.length });
      response.writeHead(204).end();
    });
    server.route('GET', '/v1/organization', (request, response) => {
      if (!this.guard(request, response)) return;
      sendJson(response, 200, {
        creditBalance: 12_345,
        tier: { maxMonthlyCreditSpend: 100_000, models: {} },
        usage: { models: {} },
      });
    });
    server.route('GET', '/cdn/outputs/:name', (request, response) => {
      if (request.query.get('sig') === null) {
        response.writeHead(403).end('AccessDenied');
        return;
      }
      if (this.expireDownloads > 0) {
        this.expireDownloads -= 1;
        response
          .writeHead(403, { 'content-type': 'application/xml' })
          .end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
        return;
      }
      if (this.htmlDownloads > 0) {
        this.htmlDownloads -= 1;
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><body>Service temporarily unavailable</body></html>');
        return;
      }
      const cut = this.cutDownloads > 0 ? this.cutAfterBytes : undefined;
      if (this.cutDownloads > 0) this.cutDownloads -= 1;
      if (this.syntheticOutputBytes !== null) {
        streamBytes(response, {
          totalBytes: this.syntheticOutputBytes,
          request,
          ...(cut !== undefined ? { cutAfterBytes: cut } : {}),
        });
        return;
      }
      streamBytes(
        response,
        {
          totalBytes: this.output.length,
          request,
          chunkBytes: 16 * 1024,
          ...(cut !== undefined ? { cutAfterBytes: cut } : {}),
        },
        (offset, length) => this.output.subarray(offset, offset + length),
      );
    });
  }

  /** The few checks Runway itself makes that the adapter could get wrong. */
  private validate(route: string, body: Record<string, unknown>): string | null {
    const model = String(body.model ?? '');
    if (!model) return 'model is required';
    if (route === '/v1/image_to_video') {
      const images = body.promptImage;
      if (!Array.isArray(images) || images.length === 0) return 'promptImage is required';
      for (const image of images as Array<{ uri?: string; position?: string }>) {
        if (!image.uri?.startsWith('runway://') && !image.uri?.startsWith('https://'))
          return 'promptImage: Invalid URI';
      }
      if (
        images.some((image: { position?: string }) => image.position === 'last') &&
        !model.startsWith('veo3.1')
      ) {
        return `${model} does not support a last frame`;
      }
    }
    if ((route === '/v1/text_to_video' || route === '/v1/image_to_video') && typeof body.ratio !== 'string')
      return 'ratio is required';
    if (model === 'gen4.5' && (typeof body.promptText !== 'string' || typeof body.duration !== 'number')) {
      return 'promptText and duration are required for gen4.5';
    }
    if (route === '/v1/video_to_video' && typeof body.videoUri !== 'string') return 'videoUri is required';
    return null;
  }

  private createTask(route: string, body: Record<string, unknown>): FakeTask {
    const script = this.scripts.shift() ?? {};
    const id = `task-${String(++this.counter).padStart(4, '0')}-0000-4000-8000-000000000000`;
    const seconds = typeof body.duration === 'number' ? body.duration : 5;
    const credits = (this.options.creditsPerSecond ?? 12) * seconds;
    const steps: Array<Record<string, unknown>> = [];
    for (let index = 0; index < (script.throttledPolls ?? 0); index += 1)
      steps.push({ status: 'THROTTLED', estimatedCost: { credits } });
    for (let index = 0; index < (script.pendingPolls ?? 1); index += 1)
      steps.push({ status: 'PENDING', estimatedCost: { credits } });
    const running = script.runningPolls ?? 2;
    for (let index = 0; index < running; index += 1) {
      steps.push({ status: 'RUNNING', progress: (index + 1) / (running + 1), estimatedCost: { credits } });
    }
    if (script.failure) steps.push({ status: 'FAILED', ...script.failure, cost: { credits: 0 } });
    else steps.push({ status: 'SUCCEEDED', cost: { credits } });
    const task: FakeTask = {
      id,
      model: String(body.model),
      route,
      body,
      steps,
      polls: 0,
      cancelled: false,
      signature: 0,
      credits,
    };
    this.tasks.set(id, task);
    return task;
  }

  private advance(task: FakeTask): Record<string, unknown> {
    const base = { id: task.id, createdAt: '2026-11-24T10:00:00.000Z' };
    if (task.cancelled) return { ...base, status: 'CANCELLED', cost: { credits: 0 } };
    const step = task.steps[Math.min(task.polls, task.steps.length - 1)] ?? { status: 'PENDING' };
    task.polls += 1;
    if (step.status === 'SUCCEEDED') {
      task.signature += 1;
      return { ...base, ...step, output: [`${this.url}/cdn/outputs/${task.id}.mp4?sig=${task.signature}`] };
    }
    return { ...base, ...step };
  }
}
