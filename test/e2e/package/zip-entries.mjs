// The names of the entries in a zip file (a .vsix is one), read from its central directory:
// no unzip program and no library needed. Enough for a listing, not for extracting.
import { readFileSync } from 'node:fs';

const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectoryEntrySignature = 0x02014b50;

/** @param {string} file @returns {string[]} */
export function zipEntryNames(file) {
  const zip = readFileSync(file);
  // The end-of-central-directory record is the last 22 bytes, plus a comment of up to 64 KiB.
  let end = -1;
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset -= 1) {
    if (zip.readUInt32LE(offset) === endOfCentralDirectorySignature) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new Error(`${file} is not a zip file (no end of central directory record)`);
  const entryCount = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names = [];
  for (let index = 0; index < entryCount; index += 1) {
    if (zip.readUInt32LE(offset) !== centralDirectoryEntrySignature) {
      throw new Error(`${file}: central directory entry ${index} is damaged`);
    }
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
