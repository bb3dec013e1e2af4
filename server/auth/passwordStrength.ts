import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { foldSearchText } from '../runtime/searchText.ts';

/** The least zxcvbn score accepted: 3 = "safely unguessable" for an online attack and more. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * Why a password is too easy to guess, in Vietnamese and English, or undefined when it is strong
 * enough. Uses zxcvbn's estimator with its common-password dictionaries and keyboard patterns,
 * and the words of this account (username, name, unit) — "password", "12345678", "aaaaaaaa",
 * the username or the unit's name are refused.
 */
export function weakPassword(
  password: string,
  accountWords: readonly string[],
): { vi: string; en: string } | undefined {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const words = accountWords
    .flatMap((w) => [w, foldSearchText(w)])
    .flatMap((w) => [w, w.replace(/\s+/g, ''), ...w.split(/[\s\-_.]+/)])
    .filter((w) => w.length >= 3);
  const result = estimator.check(password.slice(0, 100), [...words, 'motcua', 'mot-cua']);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const personal = result.sequence.some(
    (m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs',
  );
  return personal
    ? {
        vi: 'Mật khẩu quá dễ đoán: có chứa tên đăng nhập, họ tên hoặc tên đơn vị. Hãy dùng một cụm từ dài hơn, không liên quan đến tài khoản.',
        en: 'Too easy to guess: it contains the username, the name or the unit. Use a longer phrase unrelated to the account.',
      }
    : {
        vi: 'Mật khẩu quá dễ đoán (mật khẩu phổ biến, dãy ký tự lặp hoặc liên tiếp). Hãy dùng một cụm từ dài, ví dụ ba, bốn từ không liên quan, có thể thêm số.',
        en: 'Too easy to guess (a common password, a repeated or sequential run). Use a long phrase, e.g. three or four unrelated words, perhaps with digits.',
      };
}
