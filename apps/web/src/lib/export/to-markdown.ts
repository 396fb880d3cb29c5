import type { UIMessage } from '@edgechat/core';
import { summarizeToolInput } from '../tool-summary.js';
import { formatJson } from '../tool-status.js';

export interface MarkdownExportLabels {
  you: string;
  assistant: string;
  toolArguments: string;
  toolResult: string;
  toolError: string;
}

/**
 * A conversation as Markdown, the version on screen: each message under its speaker, reasoning
 * as a quote, tool calls as collapsed `<details>` (arguments and result as JSON code blocks),
 * so the file reads well on GitHub and in any Markdown viewer.
 */
export function conversationToMarkdown(
  title: string,
  messages: readonly UIMessage[],
  labels: MarkdownExportLabels,
): string {
  const blocks: string[] = [`# ${oneLine(title)}`];
  for (const message of messages) {
    if (message.role === 'system') continue;
    blocks.push(`## ${message.role === 'user' ? labels.you : labels.assistant}`);
    for (const part of message.parts) {
      if (part.type === 'text' && part.text.trim() !== '') blocks.push(part.text.trim());
      else if (part.type === 'reasoning' && part.text.trim() !== '') blocks.push(quote(part.text));
      else if (part.type === 'dynamic-tool') blocks.push(toolDetails(part, labels));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

function toolDetails(
  part: Extract<UIMessage['parts'][number], { type: 'dynamic-tool' }>,
  labels: MarkdownExportLabels,
): string {
  const summary = summarizeToolInput(part.input);
  const lines = [
    '<details>',
    `<summary>${escapeHtml(part.toolName)}${summary === '' ? '' : ` (${escapeHtml(summary)})`}</summary>`,
    '',
    `**${labels.toolArguments}**`,
    '',
    fenced(formatJson(part.input), 'json'),
  ];
  if (part.state === 'output-available') {
    lines.push('', `**${labels.toolResult}**`, '', fenced(formatJson(part.output), 'json'));
  } else if (part.state === 'output-error') {
    lines.push('', `**${labels.toolError}**`, '', fenced(part.errorText, ''));
  }
  lines.push('', '</details>');
  return lines.join('\n');
}

/** A code block whose fence is longer than any run of backticks inside, so nothing escapes it. */
export function fenced(text: string, language: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

function quote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
