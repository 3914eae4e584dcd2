import { describe, expect, it } from 'vitest';
import {
  fillTemplate,
  findTemplate,
  templateLength,
  templateSize,
  workflowTemplates,
} from '../../../main/providers/comfyui/comfyTemplates';

const values = {
  prompt: 'a fox',
  negativePrompt: 'blur',
  width: 832,
  height: 480,
  length: 33,
  fps: 16,
  seed: 7,
  firstImage: 'first.png',
  lastImage: 'last.png',
  filenamePrefix: 'shotloom/job_1',
};

describe('bundled ComfyUI workflow templates', () => {
  it('ships Wan and LTX-Video image→video and first+last frame graphs whose links all resolve', () => {
    expect([...workflowTemplates.keys()].sort()).toEqual([
      'ltxv-first-last-frame',
      'ltxv-image-to-video',
      'wan-first-last-frame',
      'wan-image-to-video',
    ]);
    for (const template of workflowTemplates.values()) {
      const graph = fillTemplate(template, values);
      for (const node of Object.values(graph)) {
        for (const input of Object.values(node.inputs)) {
          if (Array.isArray(input))
            expect(graph[String(input[0])], `${template.id}: link to ${String(input[0])}`).toBeDefined();
        }
      }
      expect(Object.values(graph).filter((node) => node.class_type === 'SaveVideo')).toHaveLength(1);
      expect(JSON.stringify(graph)).not.toContain('{{');
    }
  });

  it('keeps a whole-string placeholder’s type and interpolates inside longer strings', () => {
    const graph = fillTemplate(findTemplate('wan-image-to-video'), values);
    const wan = Object.values(graph).find((node) => node.class_type === 'WanImageToVideo')!;
    expect(wan.inputs).toMatchObject({ width: 832, height: 480, length: 33 });
    expect(Object.values(graph).find((node) => node.class_type === 'SaveVideo')?.inputs.filename_prefix).toBe(
      'shotloom/job_1',
    );
  });

  it('refuses a graph with a missing value, and an unknown template', () => {
    const { firstImage: _omitted, ...withoutImage } = values;
    expect(() => fillTemplate(findTemplate('wan-image-to-video'), withoutImage)).toThrow(/firstImage/);
    expect(() => findTemplate('nope')).toThrow(/no bundled ComfyUI workflow/);
  });

  it('sizes frames as multiple × n + 1 and maps ratios to /32 sizes', () => {
    expect(templateLength(8, 16, 4)).toBe(129);
    expect(templateLength(4, 24, 8)).toBe(97);
    expect(templateLength(1, 25, 8)).toBe(25);
    expect(templateSize('9:16')).toEqual([480, 832]);
    expect(() => templateSize('21:9')).toThrow(/not 21:9/);
  });
});
