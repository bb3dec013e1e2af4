import { foldDiacritics } from '../../engine/index.ts';

/** The bank account fees are paid into (tài khoản thu phí, lệ phí của cơ quan). */
export interface PayeeAccount {
  /** The NAPAS BIN of the bank (6 digits, e.g. 970415 for VietinBank). */
  readonly bankBin: string;
  /** The account number (up to 19 characters). */
  readonly accountNumber: string;
  /** The account holder, shown beside the code (not part of the payload). */
  readonly accountName: string;
}

/** One EMVCo data object: id, two-digit length, value. */
function tlv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`EMVCo field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), four upper-case hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The transfer purpose as VietQR carries it: ASCII without diacritics, letters, digits, spaces
 * and dashes only, at most 25 characters (field 62-08 of the NAPAS specification).
 */
export function transferPurpose(text: string): string {
  return foldDiacritics(text)
    .replace(/[^A-Za-z0-9 -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 25)
    .trim();
}

/**
 * The VietQR payload (EMVCo merchant-presented QR, NAPAS 247 inter-bank transfer to an
 * account): 00 format "01"; 01 "12" (dynamic: one amount for one dossier) or "11" (static, no
 * amount); 38 merchant account (00 GUID A000000727, 01 bank BIN + account, 02 service
 * QRIBFTTA); 53 currency 704; 54 amount; 58 country VN; 62-08 purpose; 63 CRC over all of it.
 */
export function vietQrPayload(
  account: PayeeAccount,
  payment: { readonly amountVnd?: number; readonly purpose: string },
): string {
  if (!/^\d{6}$/.test(account.bankBin)) throw new Error('the bank BIN has 6 digits');
  if (!/^[A-Za-z0-9]{1,19}$/.test(account.accountNumber))
    throw new Error('the account number has 1 to 19 letters or digits');
  const amount = payment.amountVnd;
  const hasAmount = amount !== undefined && amount > 0;
  if (hasAmount && (!Number.isInteger(amount) || String(amount).length > 13))
    throw new Error('the amount is a whole number of dong of at most 13 digits');
  const beneficiary = tlv('00', account.bankBin) + tlv('01', account.accountNumber);
  const merchant = tlv('00', 'A000000727') + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA');
  const purpose = transferPurpose(payment.purpose);
  const body =
    tlv('00', '01') +
    tlv('01', hasAmount ? '12' : '11') +
    tlv('38', merchant) +
    tlv('53', '704') +
    (hasAmount ? tlv('54', String(amount)) : '') +
    tlv('58', 'VN') +
    (purpose ? tlv('62', tlv('08', purpose)) : '') +
    '6304';
  return body + crc16CcittFalse(body);
}
