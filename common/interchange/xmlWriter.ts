/** A small XML element tree and its serialisation, for the formats we write (FCPXML). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string | number | undefined>;
  children: XmlElement[];
}

export function element(
  name: string,
  attributes: XmlElement['attributes'] = {},
  children: XmlElement[] = [],
): XmlElement {
  return { name, attributes, children };
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function serialiseXml(root: XmlElement, indent = '    '): string {
  const lines: string[] = [];
  const walk = (node: XmlElement, depth: number): void => {
    const attributes = Object.entries(node.attributes)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
      .join('');
    const pad = indent.repeat(depth);
    if (node.children.length === 0) {
      lines.push(`${pad}<${node.name}${attributes}/>`);
      return;
    }
    lines.push(`${pad}<${node.name}${attributes}>`);
    for (const child of node.children) walk(child, depth + 1);
    lines.push(`${pad}</${node.name}>`);
  };
  walk(root, 0);
  return lines.join('\n');
}
