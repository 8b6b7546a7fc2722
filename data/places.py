#!/usr/bin/env python3
"""Writes data/places.tsv and data/countries.tsv, the places and country codes compiled into dipcal's
engine (engine/include/dipcal/places/places.h; CMake turns both files into C++ at build time).

Sources:
- tzdata's zone.tab, zone1970.tab and iso3166.tab (IANA time zone database, public domain), as Debian's
  tzdata package installs them under /usr/share/zoneinfo: every zone's exemplar city becomes a place,
  every ISO 3166-1 alpha-2 code and English name a country.
- The hand-checked rows below: every national capital (the UN's 193 members, the two observer states,
  Taiwan) and the usual venues of diplomacy (summits, conferences, talks), each with its country and,
  where the country has more than one zone in zone.tab, the zone read off tzdata's zone comments.
  A capital whose country has a single zone in zone.tab takes that zone.

Usage: data/places.py [zoneinfo dir]   (rewrites data/places.tsv and data/countries.tsv beside it)
"""
import os
import sys

ZONEINFO = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/zoneinfo"
HERE = os.path.dirname(os.path.abspath(__file__))

# name, alternative names (comma-separated), country, zone ("" = the country's only zone in zone.tab)
CAPITALS = """
Kabul||AF|
Tirana|Tiranë|AL|
Algiers|Alger|DZ|
Andorra la Vella||AD|
Luanda||AO|
Saint John's|St. John's (Antigua)|AG|
Buenos Aires||AR|America/Argentina/Buenos_Aires
Yerevan||AM|
Canberra||AU|Australia/Sydney
Vienna|Wien|AT|
Baku||AZ|
Nassau||BS|
Manama||BH|
Dhaka|Dacca|BD|
Bridgetown||BB|
Minsk||BY|
Brussels|Bruxelles,Brussel|BE|
Belmopan||BZ|
Porto-Novo|Porto Novo|BJ|
Thimphu||BT|
La Paz||BO|
Sucre||BO|
Sarajevo||BA|
Gaborone||BW|
Brasília|Brasilia|BR|America/Sao_Paulo
Bandar Seri Begawan||BN|
Sofia||BG|
Ouagadougou||BF|
Gitega||BI|
Praia||CV|
Phnom Penh||KH|
Yaoundé|Yaounde|CM|
Ottawa||CA|America/Toronto
Bangui||CF|
N'Djamena|Ndjamena|TD|
Santiago|Santiago de Chile|CL|America/Santiago
Beijing|Peking|CN|Asia/Shanghai
Bogotá|Bogota|CO|
Moroni||KM|
Kinshasa||CD|Africa/Kinshasa
Brazzaville||CG|
San José|San Jose (Costa Rica)|CR|
Yamoussoukro||CI|
Zagreb||HR|
Havana|La Habana|CU|
Nicosia|Lefkosia|CY|Asia/Nicosia
Prague|Praha|CZ|
Copenhagen|København|DK|
Djibouti||DJ|
Roseau||DM|
Santo Domingo||DO|
Dili||TL|
Quito||EC|America/Guayaquil
Cairo|Al Qahirah|EG|
San Salvador||SV|
Malabo||GQ|
Asmara||ER|
Tallinn||EE|
Mbabane|Lobamba|SZ|
Addis Ababa||ET|
Suva||FJ|
Helsinki|Helsingfors|FI|
Paris||FR|
Libreville||GA|
Banjul||GM|
Tbilisi||GE|
Berlin||DE|Europe/Berlin
Accra||GH|
Athens|Athina|GR|
Saint George's|St. George's|GD|
Guatemala City|Ciudad de Guatemala|GT|
Conakry||GN|
Bissau||GW|
Georgetown||GY|
Port-au-Prince||HT|
Tegucigalpa||HN|
Budapest||HU|
Reykjavík|Reykjavik|IS|
New Delhi|Delhi|IN|
Jakarta||ID|Asia/Jakarta
Tehran|Teheran|IR|
Baghdad||IQ|
Dublin|Baile Átha Cliath|IE|
Jerusalem||IL|
Rome|Roma|IT|
Kingston||JM|
Tokyo||JP|
Amman||JO|
Astana|Nur-Sultan|KZ|Asia/Almaty
Nairobi||KE|
South Tarawa|Tarawa|KI|Pacific/Tarawa
Pyongyang||KP|
Seoul||KR|
Kuwait City|Kuwait|KW|
Bishkek||KG|
Vientiane||LA|
Riga||LV|
Beirut||LB|
Maseru||LS|
Monrovia||LR|
Tripoli||LY|
Vaduz||LI|
Vilnius||LT|
Luxembourg|Luxembourg City|LU|
Antananarivo||MG|
Lilongwe||MW|
Kuala Lumpur|KL|MY|Asia/Kuala_Lumpur
Putrajaya||MY|Asia/Kuala_Lumpur
Malé|Male|MV|
Bamako||ML|
Valletta||MT|
Majuro||MH|Pacific/Majuro
Nouakchott||MR|
Port Louis||MU|
Mexico City|Ciudad de México,CDMX|MX|America/Mexico_City
Palikir||FM|Pacific/Pohnpei
Chișinău|Chisinau,Kishinev|MD|
Monaco||MC|
Ulaanbaatar|Ulan Bator|MN|Asia/Ulaanbaatar
Podgorica||ME|
Rabat||MA|
Maputo||MZ|
Naypyidaw|Nay Pyi Taw,Naypyitaw|MM|
Windhoek||NA|
Yaren||NR|
Kathmandu||NP|
Amsterdam||NL|
Wellington||NZ|Pacific/Auckland
Managua||NI|
Niamey||NE|
Abuja||NG|
Skopje||MK|
Oslo||NO|
Muscat||OM|
Islamabad||PK|
Ngerulmud|Melekeok|PW|
Ramallah||PS|Asia/Hebron
East Jerusalem||PS|Asia/Hebron
Panama City|Ciudad de Panamá|PA|
Port Moresby||PG|Pacific/Port_Moresby
Asunción|Asuncion|PY|
Lima||PE|
Manila||PH|
Warsaw|Warszawa|PL|
Lisbon|Lisboa|PT|Europe/Lisbon
Doha||QA|
Bucharest|București|RO|
Moscow|Moskva|RU|Europe/Moscow
Kigali||RW|
Basseterre||KN|
Castries||LC|
Kingstown||VC|
Apia||WS|
San Marino||SM|
São Tomé|Sao Tome|ST|
Riyadh|Ar Riyad|SA|
Dakar||SN|
Belgrade|Beograd|RS|
Victoria (Seychelles)|Victoria Seychelles|SC|
Freetown||SL|
Singapore||SG|
Bratislava||SK|
Ljubljana||SI|
Honiara||SB|
Mogadishu||SO|
Pretoria|Tshwane|ZA|
Cape Town||ZA|
Juba||SS|
Madrid||ES|Europe/Madrid
Colombo|Sri Jayawardenepura Kotte,Kotte|LK|
Khartoum||SD|
Port Sudan||SD|
Paramaribo||SR|
Stockholm||SE|
Bern|Berne|CH|
Damascus||SY|
Taipei||TW|
Dushanbe||TJ|
Dodoma||TZ|
Dar es Salaam||TZ|
Bangkok|Krung Thep|TH|
Lomé|Lome|TG|
Nukuʻalofa|Nuku'alofa,Nukualofa|TO|
Port of Spain||TT|
Tunis||TN|
Ankara||TR|
Ashgabat|Ashkhabad|TM|
Funafuti||TV|
Kampala||UG|
Kyiv|Kiev|UA|Europe/Kyiv
Abu Dhabi||AE|
London||GB|
Washington|Washington D.C.,Washington DC,DC|US|America/New_York
Montevideo||UY|
Tashkent||UZ|Asia/Tashkent
Port Vila||VU|
Vatican City|Vatican,Holy See|VA|
Caracas||VE|
Hanoi|Ha Noi|VN|
Sanaa|Sana'a|YE|
Aden||YE|
Lusaka||ZM|
Harare||ZW|
"""

VENUES = """
Davos|Davos Klosters|CH|Europe/Zurich
Geneva|Genève,Geneve,Genf|CH|Europe/Zurich
Lausanne||CH|Europe/Zurich
Montreux||CH|Europe/Zurich
Lucerne|Luzern|CH|Europe/Zurich
Bürgenstock|Burgenstock|CH|Europe/Zurich
Sharm el-Sheikh|Sharm El Sheikh,Sharm al-Shaykh|EG|Africa/Cairo
Camp David||US|America/New_York
New York|New York City,NYC|US|America/New_York
Mar-a-Lago|Palm Beach|US|America/New_York
Bedminster||US|America/New_York
Dayton||US|America/New_York
Pittsburgh||US|America/New_York
Annapolis||US|America/New_York
Sea Island||US|America/New_York
Chicago||US|America/Chicago
San Francisco||US|America/Los_Angeles
Woodside||US|America/Los_Angeles
Seattle||US|America/Los_Angeles
Anchorage||US|America/Anchorage
Joint Base Elmendorf-Richardson|JBER,Elmendorf-Richardson,Elmendorf Air Force Base|US|America/Anchorage
Eielson Air Force Base|Eielson AFB,Eielson|US|America/Anchorage
Fort Wainwright||US|America/Anchorage
Fairbanks||US|America/Anchorage
Honolulu||US|Pacific/Honolulu
Busan|Pusan|KR|Asia/Seoul
Gyeongju||KR|Asia/Seoul
Panmunjom||KR|Asia/Seoul
Johannesburg||ZA|Africa/Johannesburg
Durban||ZA|Africa/Johannesburg
Istanbul||TR|Europe/Istanbul
Antalya||TR|Europe/Istanbul
Jeddah|Jiddah|SA|Asia/Riyadh
Munich|München,Muenchen|DE|Europe/Berlin
Hamburg||DE|Europe/Berlin
Bonn||DE|Europe/Berlin
Potsdam||DE|Europe/Berlin
Elmau|Schloss Elmau,Krün|DE|Europe/Berlin
Heiligendamm||DE|Europe/Berlin
The Hague|Den Haag,'s-Gravenhage,Hague|NL|Europe/Amsterdam
Strasbourg||FR|Europe/Paris
Biarritz||FR|Europe/Paris
Deauville||FR|Europe/Paris
Evian|Évian-les-Bains|FR|Europe/Paris
Cannes||FR|Europe/Paris
Hiroshima||JP|Asia/Tokyo
Osaka||JP|Asia/Tokyo
Kyoto||JP|Asia/Tokyo
Ise-Shima|Ise Shima|JP|Asia/Tokyo
Toyako|Lake Toya|JP|Asia/Tokyo
Nago|Okinawa|JP|Asia/Tokyo
Yokohama||JP|Asia/Tokyo
Bali|Denpasar,Nusa Dua|ID|Asia/Makassar
Rio de Janeiro|Rio|BR|America/Sao_Paulo
São Paulo|Sao Paulo|BR|America/Sao_Paulo
Belém|Belem|BR|America/Belem
Fortaleza||BR|America/Fortaleza
Dubai||AE|Asia/Dubai
Sochi||RU|Europe/Moscow
Saint Petersburg|St Petersburg,St. Petersburg|RU|Europe/Moscow
Kazan||RU|Europe/Moscow
Ufa||RU|Asia/Yekaterinburg
Vladivostok||RU|Asia/Vladivostok
Yalta||UA|Europe/Simferopol
Glasgow||GB|Europe/London
Edinburgh||GB|Europe/London
Belfast||GB|Europe/London
Gleneagles||GB|Europe/London
Carbis Bay|Cornwall|GB|Europe/London
Newport (Wales)|Celtic Manor|GB|Europe/London
Lough Erne|Enniskillen|GB|Europe/London
Milan|Milano|IT|Europe/Rome
Genoa|Genova|IT|Europe/Rome
Naples|Napoli|IT|Europe/Rome
Taormina||IT|Europe/Rome
L'Aquila||IT|Europe/Rome
Borgo Egnazia|Apulia,Puglia,Fasano|IT|Europe/Rome
Kananaskis||CA|America/Edmonton
Charlevoix|La Malbaie|CA|America/Toronto
Toronto||CA|America/Toronto
Montreal|Montréal|CA|America/Toronto
Quebec City|Québec|CA|America/Toronto
Halifax||CA|America/Halifax
Vancouver||CA|America/Vancouver
Cancún|Cancun|MX|America/Cancun
Los Cabos|San José del Cabo|MX|America/Mazatlan
Monterrey||MX|America/Monterrey
Punta del Este||UY|America/Montevideo
Cartagena||CO|America/Bogota
Katowice||PL|Europe/Warsaw
Poznań|Poznan|PL|Europe/Warsaw
Marrakesh|Marrakech|MA|Africa/Casablanca
Samarkand||UZ|Asia/Samarkand
Qingdao||CN|Asia/Shanghai
Tianjin||CN|Asia/Shanghai
Hangzhou||CN|Asia/Shanghai
Xiamen||CN|Asia/Shanghai
Shenzhen||CN|Asia/Shanghai
Sanya||CN|Asia/Shanghai
Xi'an|Xian|CN|Asia/Shanghai
Goa||IN|Asia/Kolkata
Mumbai|Bombay|IN|Asia/Kolkata
Da Nang|Danang|VN|Asia/Ho_Chi_Minh
Ho Chi Minh City|Saigon|VN|Asia/Ho_Chi_Minh
Sydney||AU|Australia/Sydney
Brisbane||AU|Australia/Brisbane
Auckland||NZ|Pacific/Auckland
Tel Aviv||IL|Asia/Jerusalem
Aqaba||JO|Asia/Amman
Sentosa||SG|Asia/Singapore
"""


def read_tab(name):
    rows = []
    with open(os.path.join(ZONEINFO, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def main():
    countries = {code: name for code, name in read_tab("iso3166.tab")}
    zones_of = {}
    for row in read_tab("zone.tab"):
        zones_of.setdefault(row[0], []).append(row[2])

    rows, seen = [], set()

    def add(name, alternatives, country, zone, origin):
        if name.lower() in seen:
            return
        if country not in countries:
            sys.exit(f"{origin}: {name}: {country} is not in iso3166.tab")
        if not zone:
            if len(zones_of.get(country, [])) != 1:
                sys.exit(f"{origin}: {name}: {country} has zones {zones_of.get(country)}; name one")
            zone = zones_of[country][0]
        if not os.path.isfile(os.path.join(ZONEINFO, zone)):
            sys.exit(f"{origin}: {name}: no zone {zone}")
        seen.add(name.lower())
        rows.append((name, alternatives, country, zone))

    for origin, text in (("capital", CAPITALS), ("venue", VENUES)):
        for line in text.strip().splitlines():
            name, alternatives, country, zone = line.split("|")
            add(name, alternatives, country, zone, origin)
    # Each zone's exemplar city, as zone.tab names it (America/Argentina/Buenos_Aires → Buenos Aires).
    for row in read_tab("zone.tab"):
        city = row[2].rsplit("/", 1)[1].replace("_", " ")
        add(city, "", row[0], row[2], "zone.tab")

    with open(os.path.join(HERE, "places.tsv"), "w", encoding="utf-8") as out:
        out.write("# Places people name where a zone belongs: every national capital, the usual venues of diplomacy\n"
                  "# and every exemplar city of tzdata's zone.tab. Generated by data/places.py from tzdata's zone.tab,\n"
                  "# zone1970.tab and iso3166.tab (IANA tz database, public domain; Debian tzdata 2026f) plus the\n"
                  "# hand-checked capitals and venues listed in that script. Compiled into the engine at build time.\n"
                  "# Columns, tab-separated: name, alternative names (comma-separated), ISO 3166-1 alpha-2, IANA zone\n")
        for row in rows:
            out.write("\t".join(row) + "\n")

    # Names people write for a country instead of its code; the code is what `country:` takes.
    synonyms = {
        "GB": "UK,U.K.,United Kingdom,Britain,Great Britain,England,Scotland,Wales,Northern Ireland",
        "US": "USA,U.S.,U.S.A.,United States,United States of America,America",
        "AE": "UAE,U.A.E.,Emirates", "RU": "Russia,Russian Federation", "KR": "South Korea,Korea,ROK",
        "KP": "North Korea,DPRK", "IR": "Iran", "SY": "Syria", "VN": "Vietnam", "LA": "Laos",
        "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova", "TW": "Taiwan",
        "CZ": "Czech Republic,Czechia", "GR": "EL,Hellas", "TR": "Turkey,Türkiye,Turkiye",
        "NL": "Holland,The Netherlands", "CD": "DRC,DR Congo,Congo-Kinshasa", "CG": "Congo-Brazzaville",
        "CI": "Ivory Coast,Côte d'Ivoire", "VA": "Vatican,Holy See", "PS": "Palestine",
        "MK": "Macedonia", "SZ": "Swaziland", "MM": "Burma", "CV": "Cabo Verde", "TL": "East Timor",
        "DE": "Germany,Deutschland", "CH": "Switzerland,Schweiz,Suisse", "ZA": "South Africa,RSA",
        "SA": "Saudi Arabia,KSA",
    }
    with open(os.path.join(HERE, "countries.tsv"), "w", encoding="utf-8") as out:
        out.write("# ISO 3166-1 alpha-2 codes with their English names, from tzdata's iso3166.tab (IANA tz database,\n"
                  "# public domain; Debian tzdata 2026f), and names people write instead (hand-checked, in\n"
                  "# data/places.py). Generated by data/places.py; compiled into the engine at build time.\n"
                  "# Columns, tab-separated: code, name, other names (comma-separated)\n")
        for code, name in sorted(countries.items()):
            out.write(f"{code}\t{name}\t{synonyms.get(code, '')}\n")


if __name__ == "__main__":
    main()
