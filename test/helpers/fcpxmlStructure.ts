import { DOMParser, type Element } from '@xmldom/xmldom';

/**
 * The content models of FCPXML 1.10's DTD (Apple's "FCPXML Reference: Document Type Definition"),
 * for the elements Shotloom writes: which children each may hold, in which order groups, and the
 * attributes the DTD marks #REQUIRED. Written from the published DTD, not from our exporter.
 */
const anchorItems = [
  'audio',
  'video',
  'clip',
  'title',
  'caption',
  'mc-clip',
  'ref-clip',
  'sync-clip',
  'asset-clip',
  'audition',
  'spine',
];
const markerItems = ['marker', 'chapter-marker', 'rating', 'keyword', 'analysis-marker'];
const clipItems = [
  'audio',
  'video',
  'clip',
  'title',
  'mc-clip',
  'ref-clip',
  'sync-clip',
  'asset-clip',
  'audition',
  'gap',
];
const intrinsicVideo = [
  'object-tracker',
  'adjust-crop',
  'adjust-corners',
  'adjust-conform',
  'adjust-transform',
  'adjust-blend',
  'adjust-stabilization',
  'adjust-rollingShutter',
  'adjust-360-transform',
  'adjust-reorient',
  'adjust-orientation',
  'adjust-cinematic',
];

/** Ordered groups of allowed children; a child's group may never come before an earlier child's. */
const contentModels: Record<string, string[][]> = {
  fcpxml: [['import-options'], ['resources'], ['library', 'event', ...clipItems, 'project']],
  resources: [['asset', 'effect', 'format', 'media', 'locator']],
  format: [],
  asset: [['media-rep'], ['metadata']],
  'media-rep': [['bookmark']],
  effect: [],
  library: [['event', 'smart-collection']],
  event: [
    [
      'clip',
      'audition',
      'mc-clip',
      'ref-clip',
      'sync-clip',
      'asset-clip',
      'collection-folder',
      'keyword-collection',
      'smart-collection',
      'project',
    ],
  ],
  project: [['sequence']],
  sequence: [['note'], ['spine'], ['metadata']],
  spine: [[...clipItems, 'transition']],
  'asset-clip': [
    ['note'],
    ['conform-rate', 'timeMap'],
    intrinsicVideo,
    ['adjust-volume', 'adjust-panner'],
    anchorItems,
    markerItems,
    ['audio-channel-source'],
    ['filter-video', 'filter-video-mask'],
    ['filter-audio'],
    ['metadata'],
  ],
  gap: [['note'], anchorItems, markerItems, ['metadata']],
  transition: [['filter-video'], ['filter-audio'], markerItems, ['metadata'], ['reserved']],
  audition: [['audio', 'video', 'title', 'ref-clip', 'asset-clip', 'clip', 'sync-clip']],
  'filter-video': [['data'], ['param']],
  'adjust-volume': [['param']],
  param: [['fadeIn'], ['fadeOut'], ['keyframeAnimation'], ['param']],
  keyframeAnimation: [['keyframe']],
  keyframe: [],
  marker: [],
  metadata: [['md']],
  md: [['array']],
};

const requiredAttributes: Record<string, string[]> = {
  format: ['id'],
  asset: ['id'],
  'media-rep': ['src'],
  effect: ['id', 'uid'],
  'asset-clip': ['ref'],
  gap: ['duration'],
  transition: ['duration'],
  'filter-video': ['ref'],
  keyframe: ['time', 'value'],
  marker: ['start', 'value'],
  md: ['key'],
  param: ['name'],
};

const timeAttributes = new Set(['offset', 'start', 'duration', 'frameDuration', 'tcStart', 'time']);

function children(node: Element): Element[] {
  const list: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1) list.push(child as Element);
  return list;
}

/** Problems with a document against the FCPXML 1.10 content models; empty when it conforms. */
export function fcpxmlStructureProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>'))
    problems.push('missing XML declaration or <!DOCTYPE fcpxml>');
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(text, 'text/xml');
  const root = document.documentElement!;
  if (root.tagName !== 'fcpxml') problems.push(`root is <${root.tagName}>`);
  const ids = new Set<string>();
  const refs: string[] = [];
  const walk = (node: Element, path: string): void => {
    const model = contentModels[node.tagName];
    if (!model) {
      problems.push(`${path}: <${node.tagName}> is not an element Shotloom should write`);
      return;
    }
    for (const attribute of requiredAttributes[node.tagName] ?? []) {
      if (!node.hasAttribute(attribute)) problems.push(`${path}: missing required ${attribute}`);
    }
    for (let index = 0; index < node.attributes.length; index += 1) {
      const attribute = node.attributes.item(index)!;
      if (timeAttributes.has(attribute.name) && !/^-?\d+(\/\d+)?s$/.test(attribute.value))
        problems.push(`${path}: ${attribute.name}="${attribute.value}" is not an FCPXML time`);
    }
    const id = node.getAttribute('id');
    if (id) ids.add(id);
    for (const name of ['ref', 'format'])
      if (node.hasAttribute(name) && node.tagName !== 'md') refs.push(node.getAttribute(name)!);
    let group = 0;
    for (const child of children(node)) {
      const childGroup = model.findIndex((names) => names.includes(child.tagName));
      if (childGroup < 0) problems.push(`${path}: <${child.tagName}> is not allowed in <${node.tagName}>`);
      else if (childGroup < group)
        problems.push(`${path}: <${child.tagName}> comes after a later group in <${node.tagName}>`);
      else group = childGroup;
      walk(child, `${path}/${child.tagName}`);
    }
  };
  walk(root, 'fcpxml');
  for (const ref of refs) if (!ids.has(ref)) problems.push(`reference to unknown resource ${ref}`);
  return problems;
}
