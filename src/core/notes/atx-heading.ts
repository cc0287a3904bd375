/**
 * An ATX heading (`## Title ##`): one to six `#`, then white space or the line's end; the title
 * without its closing `#`s. Written as a scan, not a regular expression: a backtracking pattern
 * took seconds on a heading line of 100,000 spaces.
 */
export function atxHeading(content: string): { heading: string; level: number } | null {
	let level = 0;
	while (level < content.length && content[level] === "#") level++;
	if (level === 0 || level > 6) return null;
	if (level < content.length && !isBlank(content[level])) return null;
	let end = content.length;
	while (end > level && isBlank(content[end - 1])) end--;
	let closing = end;
	while (closing > level && content[closing - 1] === "#") closing--;
	if (closing === level) end = level;
	else if (closing < end && isBlank(content[closing - 1])) {
		end = closing;
		while (end > level && isBlank(content[end - 1])) end--;
	}
	let start = level;
	while (start < end && isBlank(content[start])) start++;
	return { heading: content.slice(start, end), level };
}

function isBlank(character: string | undefined): boolean {
	return character === " " || character === "\t";
}
