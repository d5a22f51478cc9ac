// The catalog pack: a compiled binary form of a valid catalog that loads several times faster than
// its JSON (no JSON parse, no DOM, every string stored once). It is a build artifact derived from
// data/catalog.json (`versus pack`); the JSON stays the documented data. Format: data/README.md.
//
//   header   "VERSUSPK", then the format version (a varint)
//   strings  every distinct string once: count, each length, then their bytes back to back
//   catalog  the structures in a fixed order (catalog_members.hpp, shared by writer and reader):
//            strings as indices into the table, integers as varints (zigzag when signed), doubles
//            as a decimal (mantissa, power of ten) when that is exact, else their 8 bytes
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "catalog.hpp"

namespace versus {

inline constexpr std::string_view kPackMagic = "VERSUSPK";
inline constexpr uint64_t kPackFormatVersion =
    6;  // 2: tiers carry cache prices; 3: kind, deployment; 4: indexRun, provider type, request
        // fee, region; 5: offers' price history; 6: reasoning, 1-hour cache, flex and priority
        // prices, regional uplift, retirement day

// The pack of a catalog (a loaded one: packCatalog does not validate). Deterministic: the same
// catalog gives the same bytes.
std::string packCatalog(const Catalog& catalog);

// Reads a pack; never throws, whatever the bytes. A pack that cannot be decoded gives one problem
// whose message starts with "pack: " and names where ("pack: truncated in offers[12].price"); a
// decoded one then passes every check a JSON catalog passes (loadCatalog), with the same problems.
LoadResult loadCatalogPack(std::string_view bytes);

// Whether `bytes` start like a pack (the magic), to tell a pack from JSON.
bool isCatalogPack(std::string_view bytes);

}  // namespace versus
