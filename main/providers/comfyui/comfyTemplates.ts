import { AppError } from '../../../common/contract';
import type { GenerationMode } from '../../../common/model';
import ltxvFirstLast from '../../../resources/comfyui/ltxv-first-last-frame.json';
import ltxvImage from '../../../resources/comfyui/ltxv-image-to-video.json';
import wanFirstLast from '../../../resources/comfyui/wan-first-last-frame.json';
import wanImage from '../../../resources/comfyui/wan-image-to-video.json';

/**
 * The bundled ComfyUI workflow templates (resources/comfyui/*.json): API-format graphs
 * (`{ node id: { class_type, inputs } }`) with `{{name}}` placeholders Shotloom fills per shot.
 * Bundled by import so every host (Electron, browser host, CLI) has them without a resource path.
 */

export type ComfyGraph = Record<string, { class_type: string; inputs: Record<string, unknown> }>;

export interface WorkflowTemplate {
  id: string;
  label: string;
  mode: GenerationMode;
  /** The model's native frame rate; null when the workflow takes the shot's rate. */
  fps: number | null;
  /** Frame counts are `multiple × n + 1` (Wan 4, LTX-Video 8). */
  frameMultiple: number;
  graph: ComfyGraph;
}

export const workflowTemplates: ReadonlyMap<string, WorkflowTemplate> = new Map(
  [wanImage, wanFirstLast, ltxvImage, ltxvFirstLast].map((template) => [
    template.id,
    template as WorkflowTemplate,
  ]),
);

export function findTemplate(id: string): WorkflowTemplate {
  const template = workflowTemplates.get(id);
  if (!template) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `There is no bundled ComfyUI workflow "${id}" (known: ${[...workflowTemplates.keys()].join(', ')}).`,
    );
  }
  return template;
}

export type TemplateValues = Record<string, string | number>;

const whole = /^\{\{(\w+)\}\}$/;
const inline = /\{\{(\w+)\}\}/g;

function fill(value: unknown, values: TemplateValues, missing: Set<string>): unknown {
  if (typeof value === 'string') {
    const exact = whole.exec(value);
    if (exact?.[1]) {
      if (!(exact[1] in values)) missing.add(exact[1]);
      return values[exact[1]] ?? value;
    }
    return value.replace(inline, (text, name: string) => {
      if (!(name in values)) missing.add(name);
      return String(values[name] ?? text);
    });
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, values, missing));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values, missing)]));
  }
  return value;
}

/** A template's graph with every placeholder filled (a whole-string placeholder keeps the value's type). */
export function fillTemplate(template: WorkflowTemplate, values: TemplateValues): ComfyGraph {
  const missing = new Set<string>();
  const graph = fill(template.graph, values, missing) as ComfyGraph;
  if (missing.size > 0) {
    throw new AppError('INTERNAL', `The ComfyUI workflow ${template.id} needs ${[...missing].join(', ')}.`);
  }
  return graph;
}

/** Width × height per ratio: multiples of 32, about 480p (Wan 2.1 i2v and LTX-Video both take them). */
const sizes: Record<string, [number, number]> = {
  '16:9': [832, 480],
  '9:16': [480, 832],
  '1:1': [640, 640],
  '4:3': [640, 480],
  '3:4': [480, 640],
};

export function templateSize(ratio: string): [number, number] {
  const size = sizes[ratio];
  if (!size)
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `The ComfyUI workflows make ${Object.keys(sizes).join(', ')} videos, not ${ratio}.`,
    );
  return size;
}

/** Frames for a duration at a rate, rounded to the model's `multiple × n + 1`. */
export function templateLength(durationSeconds: number, fps: number, multiple: number): number {
  return Math.max(1, Math.round((durationSeconds * fps) / multiple)) * multiple + 1;
}
