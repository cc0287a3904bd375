/**
 * What Obsidian can show in place of an embed without drawing another note: images, sound, video
 * and PDFs. A note, a section of one, a canvas or a base is something else.
 */
const MEDIA = /\.(?:avif|bmp|gif|heic|jpe?g|png|svg|webp|flac|m4a|mp3|ogg|wav|3gp|mkv|mov|mp4|ogv|webm|pdf)$/i;

/**
 * `![[Kofi Mensah#Private]]` or `![[Intake form]]` as a plain link: an embedded note would be
 * drawn whole inside the brief, its private sections and all, where the brief itself leaves them
 * out. Embedded images, sound, video and PDFs stay as they are.
 */
export function noteEmbedsAsLinks(markdown: string): string {
	if (!markdown.includes("![")) return markdown;
	return markdown
		.replace(/!(\[\[([^\]|#^]*)[^\]]*\]\])/g, (whole, link: string, target: string) => (MEDIA.test(target.trim()) ? whole : link))
		.replace(/!(\[[^\]]*\]\(([^)\s#]*)[^)]*\))/g, (whole, link: string, target: string) => (/^[a-z]+:/i.test(target) || MEDIA.test(decoded(target).trim()) ? whole : link));
}

/** A Markdown link's address as the file name it spells; one with a stray `%` ("100%.png") is already that name. */
function decoded(address: string): string {
	try {
		return decodeURI(address);
	} catch {
		return address;
	}
}
