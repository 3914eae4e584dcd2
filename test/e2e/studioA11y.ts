import type { Page } from 'playwright-core';

/**
 * Controls inside `selector` that a screen reader would announce without a name: buttons, inputs,
 * selects and textareas with no aria-label, aria-labelledby, <label>, title or text. Hidden file
 * inputs (aria-hidden, driven by a labelled button) are left out.
 */
export async function unlabelledControls(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((root) => {
    const problems: string[] = [];
    for (const scope of document.querySelectorAll(root)) {
      for (const element of scope.querySelectorAll<HTMLElement>(
        'button, input, select, textarea, [role="option"]',
      )) {
        if (element.getAttribute('aria-hidden') === 'true') continue;
        const labelledBy = element.getAttribute('aria-labelledby');
        const id = element.id;
        const named =
          (element.getAttribute('aria-label') ?? '').trim() !== '' ||
          (labelledBy !== null &&
            labelledBy.split(' ').some((ref) => document.getElementById(ref)?.textContent?.trim())) ||
          (id !== '' && document.querySelector(`label[for="${CSS.escape(id)}"]`) !== null) ||
          element.closest('label') !== null ||
          (element.getAttribute('title') ?? '').trim() !== '' ||
          (element.tagName === 'BUTTON' && (element.textContent ?? '').trim() !== '') ||
          (element.getAttribute('role') === 'option' && (element.textContent ?? '').trim() !== '');
        if (!named) problems.push(element.outerHTML.slice(0, 160));
      }
    }
    return problems;
  }, selector);
}
