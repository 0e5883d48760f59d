/**
 * Asides that mark text missing from the original notes (`:::caution[原文缺失]`, `:::note[待补充]`).
 * A page can carry them whatever its `status` says, and /todo/ must list it either way.
 */
const GAP_NOTICE = /^ {0,3}:::\w+\[(?:原文缺失|待补充)[^\]\n]*\]/m;

export const hasGapNotice = (body: string): boolean => GAP_NOTICE.test(body);
