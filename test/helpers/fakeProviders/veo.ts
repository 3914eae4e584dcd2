import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { serveContent } from './fakeContent';
import { FakeServer, sendJson, type RecordedRequest } from './fakeServerBase';

/**
 * A fake of the Gemini API's Veo routes (providers.md (c)), as `@google/genai` speaks them:
 * `POST /v1beta/models/{model}:predictLongRunning` with `{instances:[…], parameters:{…}}` (checked
 * strictly: Vertex-only fields such as seed or generateAudio are refused, as the real API refuses
 * unknown names), `GET /v1beta/{operation name}` polling, and file links
 * `GET /v1beta/files/{id}:download?alt=media` that need `x-goog-api-key`.
 */

const image = z.object({ bytesBase64Encoded: z.string().min(1), mimeType: z.string().min(1) }).strict();
const body = z
  .object({
    instances: z
      .array(
        z
          .object({
            prompt: z.string().optional(),
            image: image.optional(),
            lastFrame: image.optional(),
            video: z
              .object({
                uri: z.string().optional(),
                encodedVideo: z.string().optional(),
                encoding: z.string().optional(),
              })
              .strict()
              .optional(),
            referenceImages: z
              .array(z.object({ image, referenceType: z.enum(['ASSET', 'STYLE']) }).strict())
              .max(3)
              .optional(),
          })
          .strict(),
      )
      .length(1),
    parameters: z
      .object({
        sampleCount: z.literal(1).optional(),
        durationSeconds: z.union([z.literal(4), z.literal(6), z.literal(8)]).optional(),
        aspectRatio: z.enum(['16:9', '9:16']).optional(),
        resolution: z.enum(['720p', '1080p', '4k']).optional(),
        personGeneration: z.enum(['allow_all', 'allow_adult', 'dont_allow']).optional(),
        negativePrompt: z.string().optional(),
        enhancePrompt: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

export type VeoBody = z.infer<typeof body>;

/** Veo's own combination rules (ai.google.dev/gemini-api/docs/video, "Veo API parameters"). */
function rules(parsed: VeoBody): string[] {
  const instance = parsed.instances[0]!;
  const parameters = parsed.parameters;
  const errors: string[] = [];
  const eight = instance.lastFrame || instance.referenceImages || instance.video;
  if (eight && parameters.durationSeconds !== 8)
    errors.push('durationSeconds must be 8 with lastFrame, referenceImages or video');
  if (instance.lastFrame && !instance.image) errors.push('lastFrame requires image');
  if (parameters.resolution && parameters.resolution !== '720p' && parameters.durationSeconds !== 8)
    errors.push('1080p and 4k need 8 s');
  if (instance.video && parameters.resolution && parameters.resolution !== '720p')
    errors.push('extension is 720p only');
  return errors;
}

export type VeoOutcome =
  | { kind: 'video' }
  | { kind: 'filtered'; reasons: string[] }
  | { kind: 'error'; code: number; message: string };

export interface FakeOperation {
  name: string;
  model: string;
  body: VeoBody;
  pollsLeft: number;
  outcome: VeoOutcome;
  fileId: string;
}

export class FakeVeo {
  readonly operations = new Map<string, FakeOperation>();
  readonly violations: string[] = [];
  next: { pollsBeforeDone: number; outcome: VeoOutcome } = { pollsBeforeDone: 2, outcome: { kind: 'video' } };
  retiredModels = new Set<string>();
  expiredFiles = new Set<string>();
  /** A real media file to serve as the output (engine tests verify it with ffprobe); filler bytes when null. */
  contentFile: Buffer | null = null;
  contentBytes = 200 * 1024;
  cutDownloadsAfter: number | null = null;
  private counter = 0;

  constructor(
    readonly server: FakeServer,
    readonly apiKey: string,
  ) {
    server.route('POST', '/v1beta/models/:action', (request, response) =>
      this.guard(request, response, () => this.create(request, response)),
    );
    server.route('GET', '/v1beta/models/:model/operations/:id', (request, response) =>
      this.guard(request, response, () => this.operation(request, response)),
    );
    server.route('GET', '/v1beta/models', (request, response) =>
      this.guard(request, response, () =>
        sendJson(response, 200, { models: [{ name: 'models/veo-3.1-generate-preview' }] }),
      ),
    );
    server.route('GET', '/v1beta/files/:file', (request, response) =>
      this.guard(request, response, () => this.file(request, response)),
    );
  }

  get createCount(): number {
    return this.server.count('POST', '/v1beta/models/:action');
  }

  private error(
    response: ServerResponse,
    code: number,
    status: string,
    message: string,
    details: unknown[] = [],
  ): void {
    sendJson(response, code, { error: { code, message, status, details } });
  }

  private guard(request: RecordedRequest, response: ServerResponse, next: () => void): void {
    const key = request.headers['x-goog-api-key'];
    if (key !== this.apiKey) {
      // The Gemini API answers a wrong key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID.
      this.error(response, 400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
        },
      ]);
      return;
    }
    if (request.query.has('key')) this.violations.push('the key was sent in the URL');
    next();
  }

  private create(request: RecordedRequest, response: ServerResponse): void {
    const [model, action] = (request.params.action ?? '').split(':');
    if (action !== 'predictLongRunning' || !model) {
      this.error(response, 404, 'NOT_FOUND', `Unknown method ${request.params.action}.`);
      return;
    }
    if (this.retiredModels.has(model)) {
      this.error(
        response,
        404,
        'NOT_FOUND',
        `models/${model} is not found for API version v1beta, or is not supported for predictLongRunning.`,
      );
      return;
    }
    const parsed = body.safeParse(request.json);
    const errors = parsed.success
      ? rules(parsed.data)
      : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    if (!parsed.success || errors.length > 0) {
      this.violations.push(...errors);
      this.error(response, 400, 'INVALID_ARGUMENT', `Invalid request: ${errors.join('; ')}`);
      return;
    }
    this.counter += 1;
    const id = `op${String(this.counter).padStart(4, '0')}`;
    const operation: FakeOperation = {
      name: `models/${model}/operations/${id}`,
      model,
      body: parsed.data,
      pollsLeft: this.next.pollsBeforeDone,
      outcome: this.next.outcome,
      fileId: `file${id}`,
    };
    this.operations.set(operation.name, operation);
    sendJson(response, 200, { name: operation.name });
  }

  private operation(request: RecordedRequest, response: ServerResponse): void {
    const name = `models/${request.params.model}/operations/${request.params.id}`;
    const operation = this.operations.get(name);
    if (!operation) {
      this.error(response, 404, 'NOT_FOUND', `Operation ${name} not found.`);
      return;
    }
    if (operation.pollsLeft > 0) {
      operation.pollsLeft -= 1;
      sendJson(response, 200, { name, metadata: {} });
      return;
    }
    const outcome = operation.outcome;
    if (outcome.kind === 'error') {
      sendJson(response, 200, { name, done: true, error: { code: outcome.code, message: outcome.message } });
      return;
    }
    const generateVideoResponse =
      outcome.kind === 'filtered'
        ? { raiMediaFilteredCount: 1, raiMediaFilteredReasons: outcome.reasons }
        : {
            generatedSamples: [
              { video: { uri: `${this.server.url}/v1beta/files/${operation.fileId}:download?alt=media` } },
            ],
          };
    sendJson(response, 200, {
      name,
      done: true,
      response: {
        '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse',
        generateVideoResponse,
      },
    });
  }

  private file(request: RecordedRequest, response: ServerResponse): void {
    const [fileId, action] = (request.params.file ?? '').split(':');
    const known = [...this.operations.values()].some((operation) => operation.fileId === fileId);
    if (
      action !== 'download' ||
      request.query.get('alt') !== 'media' ||
      !known ||
      this.expiredFiles.has(fileId ?? '')
    ) {
      this.error(response, 404, 'NOT_FOUND', `File ${fileId} not found.`);
      return;
    }
    serveContent(response, request, {
      file: this.contentFile,
      bytes: this.contentBytes,
      cutAfter: this.cutDownloadsAfter,
    });
  }
}

export async function startFakeVeo(apiKey: string): Promise<{ server: FakeServer; veo: FakeVeo }> {
  const server = await FakeServer.start();
  return { server, veo: new FakeVeo(server, apiKey) };
}
