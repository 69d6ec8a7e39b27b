/**
 * A plausible postal address per demo customer, for letters in the address window. Derived from the
 * customer's index rather than the random stream, so adding addresses left every book unchanged.
 */
interface AddressStyle {
  streets: readonly string[];
  cities: readonly (readonly [postalCode: string, city: string])[];
  /** How the street line and the city line are written in the country. */
  street(name: string, number: number): string;
  city(postalCode: string, city: string): string;
  countryName: string;
}

const numberFirst = (name: string, n: number) => `${n} ${name}`;
const numberLast = (name: string, n: number) => `${name} ${n}`;
const codeFirst = (code: string, city: string) => `${code} ${city}`;
const codeLast = (code: string, city: string) => `${city} ${code}`;

const STYLES: Record<string, AddressStyle> = {
  DE: { streets: ["Hauptstraße", "Industriestraße", "Bahnhofstraße", "Gewerbepark", "Am Hafen"], cities: [["10115", "Berlin"], ["20457", "Hamburg"], ["80331", "München"], ["50667", "Köln"], ["70173", "Stuttgart"]], street: numberLast, city: codeFirst, countryName: "Germany" },
  AT: { streets: ["Hauptstraße", "Industriezeile", "Ringstraße"], cities: [["1010", "Wien"], ["4020", "Linz"], ["8010", "Graz"]], street: numberLast, city: codeFirst, countryName: "Austria" },
  FR: { streets: ["rue de la République", "avenue Jean Jaurès", "zone industrielle Nord"], cities: [["75002", "Paris"], ["69002", "Lyon"], ["13001", "Marseille"], ["31000", "Toulouse"]], street: numberFirst, city: codeFirst, countryName: "France" },
  NL: { streets: ["Industrieweg", "Havenstraat", "Stationsplein"], cities: [["1012 AB", "Amsterdam"], ["3011 AD", "Rotterdam"], ["3511 AX", "Utrecht"]], street: numberLast, city: codeFirst, countryName: "Netherlands" },
  BE: { streets: ["Industrielaan", "Rue de l'Industrie", "Havenlaan"], cities: [["1000", "Bruxelles"], ["2000", "Antwerpen"], ["9000", "Gent"]], street: numberLast, city: codeFirst, countryName: "Belgium" },
  ES: { streets: ["Calle Mayor", "Polígono Industrial Norte", "Avenida de la Constitución"], cities: [["28013", "Madrid"], ["08002", "Barcelona"], ["46002", "Valencia"]], street: numberLast, city: codeFirst, countryName: "Spain" },
  IE: { streets: ["Main Street", "Business Park", "Harbour Road"], cities: [["D02 X285", "Dublin"], ["T12 R229", "Cork"]], street: numberFirst, city: codeLast, countryName: "Ireland" },
  GB: { streets: ["High Street", "Station Road", "Trading Estate"], cities: [["EC1A 1BB", "London"], ["M1 1AE", "Manchester"], ["B1 1BB", "Birmingham"]], street: numberFirst, city: codeLast, countryName: "United Kingdom" },
  US: { streets: ["Main Street", "Commerce Drive", "Industrial Parkway"], cities: [["NY 10001", "New York"], ["IL 60601", "Chicago"], ["TX 77002", "Houston"]], street: numberFirst, city: (code, city) => `${city}, ${code}`, countryName: "USA" },
  CH: { streets: ["Bahnhofstrasse", "Industriestrasse", "Seestrasse"], cities: [["8001", "Zürich"], ["3011", "Bern"], ["4051", "Basel"]], street: numberLast, city: codeFirst, countryName: "Switzerland" },
  SE: { streets: ["Storgatan", "Industrivägen", "Hamngatan"], cities: [["111 52", "Stockholm"], ["411 03", "Göteborg"], ["211 20", "Malmö"]], street: numberLast, city: codeFirst, countryName: "Sweden" },
  JP: { streets: ["Chiyoda 1-chome", "Minato 2-chome", "Chuo 3-chome"], cities: [["100-0001", "Tokyo"], ["530-0001", "Osaka"]], street: (name, n) => `${name} ${n}`, city: (code, city) => `${city} ${code}`, countryName: "Japan" },
};

export function postalAddress(country: string, index: number): string[] {
  const style = STYLES[country];
  if (!style) return [];
  const street = style.streets[index % style.streets.length]!;
  const [code, city] = style.cities[Math.floor(index / style.streets.length) % style.cities.length]!;
  return [style.street(street, 1 + ((index * 37) % 180)), style.city(code, city), style.countryName];
}
