// Platform names (records, projects, tags) shown inside Markdown hovers and tooltips.

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
