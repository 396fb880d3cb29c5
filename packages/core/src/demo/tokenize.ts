// A word with the spaces after it, or a run of spaces (text that starts with one). Words longer
// than 8 code points are cut (`u` flag: never inside a surrogate pair), as a real model's tokens
// are: long identifiers and URLs arrive in pieces.
const TEXT_TOKEN = /\S{1,8}\s*|\s+/gu;

/** Cuts answer text into stream deltas the size of model tokens; joined they give back `text`. */
export function tokenizeText(text: string): string[] {
  return text.match(TEXT_TOKEN) ?? [];
}

// OpenAI sends tool arguments as a few characters at a time, punctuation apart from names and
// values: `{"`, `time`, `zone`, `":"`, `Asia`, `/Seo`, `ul`, `"}`.
const ARGUMENT_TOKEN = /[{}[\]":,]+|[^{}[\]":,]{1,4}/gu;

/** Cuts a tool call's JSON arguments into the fragments a real stream carries them in. */
export function tokenizeArguments(json: string): string[] {
  return json.match(ARGUMENT_TOKEN) ?? [];
}
