// The page's two languages. Static prose lives in index.html as paired
// lang="zh-CN" / lang="en" blocks (so text paints before any script or wasm);
// the strings here are the labels of generated UI. The choice is remembered.
export const LANGS = ['zh', 'en'];
const LANG_KEY = 'calcwb.lang';
const HTML_LANG = { zh: 'zh-CN', en: 'en' };

export const STRINGS = {
  check: { zh: '检查', en: 'Check' },
  hintOf: { zh: '提示 {i}/{n}', en: 'Hint {i} of {n}' },
  noMoreHints: { zh: '没有更多提示了', en: 'No more hints' },
  solution: { zh: '查看解答', en: 'Show solution' },
  tryAnother: { zh: '换一题', en: 'Try another' },
  answerLabel: { zh: '答案', en: 'Answer' },
  palette: { zh: '符号', en: 'Symbols' },
  choose: { zh: '请选择…', en: 'Choose…' },
  loadingCore: { zh: '正在加载计算核心…', en: 'Loading the calculus core…' },
  coreFailed: { zh: '计算核心加载失败：', en: 'The calculus core could not be loaded: ' },
  exercisesFailed: { zh: '练习文件无法载入：', en: 'The exercises could not be loaded: ' },
  coreMissing: { zh: '（核心尚未提供此功能）', en: '(the core does not provide this yet)' },
  verdict: {
    correct: { zh: '正确！', en: 'Correct!' },
    incorrect: { zh: '不正确。', en: 'Not correct.' },
    invalid: { zh: '无法解析：', en: 'Could not read that: ' },
    undecided: { zh: '无法判定。', en: 'Could not decide.' },
  },
  atPosition: { zh: '（第 {p} 个字符）', en: ' (at character {p})' },
  empty: { zh: '请先输入答案。', en: 'Type an answer first.' },
  attempts: { zh: '已尝试 {n} 次', en: '{n} attempts' },
  progressOf: { zh: '{done}/{total} 已完成', en: '{done} of {total} done' },
  exported: { zh: '进度已导出。', en: 'Progress exported.' },
  imported: { zh: '进度已导入：{n} 个答题框。', en: 'Progress imported: {n} boxes.' },
  importRejected: { zh: '导入失败，当前进度未改动：', en: 'Import rejected; your progress is unchanged: ' },
  resetConfirm: { zh: '确定要清除全部进度吗？', en: 'Erase all progress?' },
  resetDone: { zh: '进度已清除。', en: 'Progress erased.' },
  storageDropped: {
    zh: '已保存的进度中有 {n} 项无法读取，已忽略（其余已保留）：',
    en: '{n} saved entries could not be read and were skipped (the rest were kept): ',
  },
  storageUnreadable: {
    zh: '已保存的进度无法读取，原始数据已备份为 {key}。',
    en: 'Saved progress could not be read; the raw data was backed up as {key}.',
  },
  storageMigrated: { zh: '已把旧版进度升级到新格式。', en: 'Progress from an older version was upgraded.' },
  quotaFull: {
    zh: '浏览器存储已满：最新的改动只保存在本页中，之前保存的进度不受影响。',
    en: 'Browser storage is full: the latest changes live only in this tab; progress saved earlier is intact.',
  },
  storageOff: { zh: '浏览器不允许本地存储，进度不会被保存。', en: 'This browser blocks local storage; progress will not be saved.' },
  yourLine: { zh: '你的直线', en: 'your line' },
  trueTangent: { zh: '真正的切线', en: 'true tangent' },
  tangentPlot: { zh: 'f、你的直线，以及（答对后）真正的切线', en: 'f, your line and (once solved) the true tangent' },
};

export function getString(key, lang, vars = {}) {
  const parts = key.split('.');
  let node = STRINGS;
  for (const p of parts) node = node?.[p];
  const text = node?.[lang] ?? node?.en ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

// Picks the bilingual field of a core object like {zh, en}.
export function pick(obj, lang) {
  if (obj === null || obj === undefined) return '';
  if (typeof obj === 'string') return obj;
  return obj[lang] ?? obj.en ?? obj.zh ?? '';
}

export function normalizeLang(value) {
  return LANGS.includes(value) ? value : 'zh';
}

export function loadLang(storage) {
  try {
    return normalizeLang(storage?.getItem(LANG_KEY));
  } catch {
    return 'zh';
  }
}

export function saveLang(storage, lang) {
  try {
    storage?.setItem(LANG_KEY, lang);
  } catch {
    // The language is a convenience; failing to remember it is harmless.
  }
}

export function htmlLang(lang) {
  return HTML_LANG[lang];
}

// A minimal observable for the current language.
export function createLanguage(initial) {
  let current = normalizeLang(initial);
  const listeners = new Set();
  return {
    get value() { return current; },
    set(lang) {
      const next = normalizeLang(lang);
      if (next === current) return;
      current = next;
      for (const fn of listeners) fn(current);
    },
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },
  };
}
