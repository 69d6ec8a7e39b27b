/*
 * Words for generated names, per language. An entry may carry its ASCII spelling after a colon
 * ("佐藤:sato") for e-mail addresses; otherwise accents are stripped.
 */
export interface Lexicon {
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Nouns that make company names: "Technik", "Logistique", "製作所". */
  companyWords: readonly string[];
  places: readonly string[];
  /** The shared mailbox of an accounts-payable team: display name and local part. */
  payablesMailbox: readonly [string, string];
  /** "{last} {word} {form}" style patterns; {brand} = place or surname. */
  namePatterns: readonly string[];
}

const words = (text: string): string[] => text.trim().split(/\s+/);

export const LEXICONS: Readonly<Record<string, Lexicon>> = {
  de: {
    firstNames: words("Anna Lukas Julia Felix Sabine Thomas Katrin Stefan Laura Jonas Petra Michael Lena Tobias Claudia Andreas Miriam Florian Ursula Markus"),
    lastNames: words("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schröder Neumann Braun Zimmermann Krüger Hartmann"),
    companyWords: words("Technik Handel Bau Logistik Systeme Metallbau Elektro Maschinenbau Werkzeuge Druck Verpackung Anlagenbau Holzbau Medizintechnik Feinkost Antriebe"),
    places: words("Nord Rhein Alpen Elbe Weser Main Donau Harz Spree Isar Taunus Eifel"),
    payablesMailbox: ["Kreditorenbuchhaltung", "buchhaltung"],
    namePatterns: ["{last} {word} {form}", "{brand}{word} {form}", "{last} & {last2} {form}", "{brand} {word} {form}"],
  },
  fr: {
    firstNames: words("Camille Louis Chloé Hugo Manon Jules Léa Nicolas Sophie Julien Claire Antoine Émilie Mathieu Isabelle Pierre Élodie Thomas Céline Olivier"),
    lastNames: words("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier"),
    companyWords: words("Industries Logistique Bâtiment Distribution Services Ingénierie Emballages Équipements Transports Conseil Énergie Matériaux"),
    places: words("Atlantique Provence Alpes Loire Rhône Bretagne Normandie Seine Garonne Lorraine"),
    payablesMailbox: ["Comptabilité fournisseurs", "compta"],
    namePatterns: ["{word} {last} {form}", "{brand} {word} {form}", "{last} & Fils {form}", "{word} du {brand} {form}"],
  },
  nl: {
    firstNames: words("Daan Emma Sem Julia Lucas Sophie Thijs Anna Bram Lotte Ruben Fleur Jeroen Sanne Niels Iris Pieter Eva Koen Marieke"),
    lastNames: ["de Jong:dejong", "Jansen", "de Vries:devries", "van den Berg:vandenberg", "van Dijk:vandijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer:deboer", "Mulder", "de Groot:degroot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen:vanleeuwen", "Dekker", "Brouwer"],
    companyWords: words("Techniek Handel Bouw Logistiek Installatie Groothandel Transport Metaal Verpakkingen Advies Systemen Energie"),
    places: words("Holland Zeeland Brabant Rijn Maas Delta Veluwe Friesland Kempen Waal"),
    payablesMailbox: ["Crediteurenadministratie", "crediteuren"],
    namePatterns: ["{last} {word} {form}", "{brand} {word} {form}", "{brand}{word} {form}"],
  },
  es: {
    firstNames: words("Lucía Hugo María Martín Paula Daniel Laura Pablo Carmen Javier Elena Alejandro Sara Diego Marta Sergio Ana Jorge Cristina Raúl"),
    lastNames: words("García González Rodríguez Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Álvarez Romero Navarro Torres Domínguez"),
    companyWords: words("Construcciones Distribuciones Logística Suministros Ingeniería Instalaciones Transportes Industrial Servicios Alimentación Maquinaria Energía"),
    places: words("Ibérica Levante Cantábrica Mediterráneo Castilla Galicia Andalucía Aragón Navarra Rioja"),
    payablesMailbox: ["Contabilidad proveedores", "contabilidad"],
    namePatterns: ["{word} {last} {form}", "{word} {brand} {form}", "{last} y {last2} {form}"],
  },
  en: {
    firstNames: words("Oliver Amelia George Olivia Harry Emily Jack Sophie James Grace William Chloe Thomas Lucy Daniel Hannah Michael Sarah David Emma"),
    lastNames: words("Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke"),
    companyWords: words("Engineering Logistics Supplies Systems Industries Manufacturing Distribution Solutions Construction Foods Packaging Components"),
    places: words("Northern Pennine Thames Atlantic Summit Harbour Midland Highland Pacific Lakeside Granite Meridian"),
    payablesMailbox: ["Accounts Payable", "ap"],
    namePatterns: ["{brand} {word} {form}", "{last} & {last2} {form}", "{last} {word} {form}"],
  },
  sv: {
    firstNames: words("Erik Anna Lars Maria Karl Eva Johan Karin Anders Sara Per Emma Nils Elin Magnus Ida Oskar Linnea Fredrik Sofia"),
    lastNames: words("Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Lindberg Lindqvist Berg Holm Ek"),
    companyWords: words("Bygg Teknik Logistik Industri Handel Maskin Verkstad Transport Förpackning Energi Konsult System"),
    places: words("Norr Väst Öst Syd Mälar Vänern Dalarna Skåne Göta Kust"),
    payablesMailbox: ["Leverantörsreskontra", "ekonomi"],
    namePatterns: ["{last}s {word} {form}", "{brand}{word} {form}", "{brand} {word} {form}"],
  },
  ja: {
    firstNames: words("翔太:shota 健太:kenta 大輔:daisuke 陽子:yoko 美咲:misaki 直樹:naoki 恵:megumi 拓也:takuya 真由美:mayumi 浩:hiroshi 和也:kazuya 由美:yumi"),
    lastNames: words("佐藤:sato 鈴木:suzuki 高橋:takahashi 田中:tanaka 伊藤:ito 渡辺:watanabe 山本:yamamoto 中村:nakamura 小林:kobayashi 加藤:kato 吉田:yoshida 山田:yamada"),
    companyWords: words("製作所:seisakusho 商事:shoji 工業:kogyo 物流:butsuryu 電機:denki 建設:kensetsu 精機:seiki 食品:shokuhin 化学:kagaku 産業:sangyo"),
    places: words("東京:tokyo 大阪:osaka 名古屋:nagoya 横浜:yokohama 札幌:sapporo 福岡:fukuoka 神戸:kobe 京都:kyoto 仙台:sendai 広島:hiroshima"),
    payablesMailbox: ["経理部", "keiri"],
    namePatterns: ["{form}{last}{word}", "{brand}{word}{form}"],
  },
};

/** The word as displayed: "佐藤:sato" → "佐藤". */
export const display = (entry: string): string => {
  const colon = entry.indexOf(":");
  return colon < 0 ? entry : entry.slice(0, colon);
};

/** The word as it may appear in an e-mail address: lower-case ASCII letters only. */
export function ascii(entry: string): string {
  const colon = entry.indexOf(":");
  const text = colon < 0 ? entry : entry.slice(colon + 1);
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
