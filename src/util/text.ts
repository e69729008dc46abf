// Server text made fit for one line of a log, a table cell or a message.

/** Line breaks as spaces: in a log line one could start a workflow command; in a cell, end a table. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}

/** Every run of white space as one space, trimmed: for excerpts of bodies in messages. */
export function singleSpaced(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
