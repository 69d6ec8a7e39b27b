import { expect } from "vitest";
import { parseBankFile, type ParseBankFileOptions } from "../../../src/adapters/bank/parseBankFile.js";
import type { BankFile } from "../../../src/domain/cash/statement.js";
import type { DomainError } from "../../../src/domain/errors.js";

/** Parses a file the test expects to be read; fails the test with the error otherwise. */
export function parsed(content: Uint8Array | string, options?: ParseBankFileOptions): BankFile {
  const result = parseBankFile(content, options);
  if (!result.ok) expect.fail(`expected the file to parse, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Parses a file the test expects to be refused, and returns the error. */
export function refused(content: Uint8Array | string, options?: ParseBankFileOptions): DomainError {
  const result = parseBankFile(content, options);
  if (result.ok) expect.fail("expected the file to be refused, but it parsed");
  return result.error;
}

/** A camt document: the namespace of the message and version, around the given message body. */
export function camtXml(message: "camt.053" | "camt.054", version: string, body: string): string {
  const root = message === "camt.053" ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${message}.001.${version}">`,
    `<${root}>`,
    "<GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2024-05-02T06:00:00+02:00</CreDtTm></GrpHdr>",
    body,
    `</${root}>`,
    "</Document>",
  ].join("\n");
}

/** An amount element as camt writes it. */
export const amt = (value: string, currency = "EUR", name = "Amt") => `<${name} Ccy="${currency}">${value}</${name}>`;

/** A booked balance of the given type (OPBD, PRCD, CLBD). */
export const bal = (type: string, value: string, indicator: "CRDT" | "DBIT", date: string, currency = "EUR") =>
  `<Bal><Tp><CdOrPrtry><Cd>${type}</Cd></CdOrPrtry></Tp>${amt(value, currency)}<CdtDbtInd>${indicator}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;

/** The line of the first occurrence of `needle` in `text`, 1-based. */
export const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split("\n").length;
