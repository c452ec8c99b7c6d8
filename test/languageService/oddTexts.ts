// Small record texts for comparing two ways of reading JSON: valid, and broken in every way the
// parsers recover from differently (unterminated strings and containers, missing and extra
// punctuation, comments, bad literals, escapes, a BOM, text after the end).

const PROJECT = 'project-B0FJgXy4Zg231jgbQ9zQ0003';
const LINK = 'file-B0FJgXy4Zg231jgbQ9zQ0004';

/** Small documents, most of them broken in a different way. */
export const ODD_TEXTS = [
  `{\n  "project": "${PROJECT}",\n  "name": "n",\n  "details": {"reads": [{"$dnanexus_link": "${LINK}"}, 1, true, null], "x": {"y": {}}, "z": []},\n  "tags": ["a", "b"]\n}`,
  `{"details": {"a": "unterminated, "b": 2}, "name": "x"}`,
  `{"details": {"a": 1 "b": 2}, "name": "x"}`,
  `{"details": [1, 2,], "name": "x",}`,
  `{"name": "x", // a comment\n "details": {"a": [1]}}`,
  `{"details": {"a": /* c */ 1}, "tags": []}`,
  `{"d\\u0065tails": {"\\"q\\"": "\\u00e9\\n"}, "na\\tme": "é🧬"}`,
  `\uFEFF{"details": {"k": "🧬 東京"}, "types": ["t"]}`,
  `{"details": {"a": {"b": [`,
  `{"details": {"a": "abc`,
  `{"details": , "name": "x"}`,
  `{"name": "x" "details": {"a": 1}}`,
  `{"details": {"a": tru, "b": nul}, "properties": {"k": "v"}}`,
  `{"details": {"a": -1.5e3, "b": 0}, "name": 12, "folder": "/a"}`,
  `{"details": {}}`,
  `{"details": {"": {"": [[], [[1]]]}}, "": ""}`,
  `{"details": {"a": 1}} trailing`,
  `{"details": {"a": 1}}}`,
  `[{"details": 1}]`,
  `  {  "details"  :  {  "a"  :  [  1  ,  2  ]  }  ,  "name"  :  "x"  }  `,
  `{"details": {"a": 1},\n"name": `,
  `{"details": {"a": 1}, "name"`,
  `{"details": {"a\u0001b": 1}, "name": "x"}`,
  `{"details": {"a": 01, "b": 1.}, "name": "x"}`,
  `{"details": [{}, [{"a": {}}], {"b": [1, {}]}], "x": [[{"c": 1}, 2], {"d": }]}`,
  `{"a": {"b": } "c": {"d": {"e" 1}}, {"f": [}]}}`,
  `{"a": [{"b": 1]}, "c": {]}, "d": [}]}`,
  `{"a": {"b": {"c": {`,
  `{{"a": 1}, {"b": [2]}}`,
  `{"a": 1}{"b": {"c": 2}}`,
  `{ 5 {"b": {"x": 1}}, "c": {"d": 1}}`,
  `{"a": [1 {"b": {"c": 3}}], "d": {"e": 4}}`,
];
