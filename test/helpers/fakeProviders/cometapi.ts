import { FakeServer, sendJson } from './fakeServerBase';
import { FakeVideosApi, type FakeVideoJob } from './openai';
import { componentSchema, requestSchemaName, validateWith, type ParsedBody } from './openaiSchemas';

/**
 * A fake of CometAPI's OpenAI-compatible `/v1/videos` (providers.md (g)). Requests are validated
 * against the OpenAPI YAML's own create schema, widened only where CometAPI documents a difference:
 * Veo 3.1 adds `seconds` 6, sizes 1920x1080 and 3840x2160, and two ordered `input_reference` files
 * (first + last frame). Errors use CometAPI's envelope (`type: comet_api_error`); finished jobs carry
 * a `video_url`; content comes from `/v1/videos/{id}/content` like OpenAI's.
 */

const veoSizes = ['1280x720', '720x1280', '1920x1080', '3840x2160'];
const veoSeconds = ['4', '6', '8'];

/** The YAML's schema with its `#/components/...` refs made absolute for the shared validator. */
function absoluteRefs(schema: unknown): unknown {
  return JSON.parse(
    JSON.stringify(schema).replace(/"#\/components\/schemas\//g, '"openai#/components/schemas/'),
  );
}

function cometCreateSchema(yamlPath: string, contentType: string): Record<string, unknown> {
  const base = absoluteRefs(componentSchema(requestSchemaName('POST', yamlPath, contentType))) as {
    properties: Record<string, unknown>;
  };
  return {
    ...base,
    properties: {
      ...base.properties,
      seconds: { anyOf: [base.properties.seconds, { type: 'string', enum: veoSeconds }] },
      size: { anyOf: [base.properties.size, { type: 'string', enum: veoSizes }] },
      input_reference: {
        anyOf: [
          base.properties.input_reference,
          { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', format: 'binary' } },
        ],
      },
    },
  };
}

/** CometAPI's per-model rules on top of the schema. */
function modelRules(body: ParsedBody): string[] {
  const model = String(body.value.model ?? '');
  const errors: string[] = [];
  const files = body.files.filter((file) => file.field === 'input_reference');
  if (model.startsWith('veo3.1')) {
    if (body.value.seconds !== undefined && !veoSeconds.includes(String(body.value.seconds)))
      errors.push('veo seconds must be 4, 6 or 8');
    if (body.value.size !== undefined && !veoSizes.includes(String(body.value.size)))
      errors.push('veo size is not offered');
  } else if (model.startsWith('sora-2')) {
    if (files.length > 1) errors.push('sora takes one input_reference');
    if (['6'].includes(String(body.value.seconds))) errors.push('sora seconds must be 4, 8 or 12');
    if (['1920x1080', '3840x2160'].includes(String(body.value.size))) errors.push('sora size is not offered');
  } else errors.push(`unknown model ${model}`);
  return errors;
}

export async function startFakeComet(
  apiKey: string,
): Promise<{ server: FakeServer; api: FakeVideosApi; baseUrl: string }> {
  const server = await FakeServer.start();
  const api = new FakeVideosApi(server, {
    apiKey,
    // CometAPI answers with its own sizes and model ids, outside OpenAI's VideoResource enums.
    checkAnswers: false,
    validateCreate: (_method, yamlPath, contentType, body) => {
      const schemaErrors = validateWith(cometCreateSchema(yamlPath, contentType), body.value);
      return [...schemaErrors, ...modelRules(body)];
    },
    errorBody: (message, code) => ({
      error: { code: code ?? '', message: `${message} (request id: 20261124fake)`, type: 'comet_api_error' },
    }),
    decorate: (job: FakeVideoJob, answer) =>
      answer.status === 'completed'
        ? { ...answer, video_url: `${server.url}/v1/videos/${job.id}/content` }
        : answer,
  });
  server.route('GET', '/v1/models', (request, response) => {
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      sendJson(response, 401, {
        error: { code: '', message: 'invalid token (request id: 20261124fake)', type: 'comet_api_error' },
      });
      return;
    }
    sendJson(response, 200, {
      object: 'list',
      data: [
        { id: 'sora-2', object: 'model' },
        { id: 'veo3.1', object: 'model' },
      ],
    });
  });
  return { server, api, baseUrl: `${server.url}/v1` };
}
