# The cache entry as a Cap'n Proto schema: one root struct holding the events and the same indexes
# as the hand-made layout, as lists. Cap'n Proto has no optional scalars: a flag says whether a
# gap is there.
@0x8e5e351d17584a7b;

$import "/capnp/c++.capnp".namespace("cache_layout::cp");

struct Relation {
  type @0 :UInt8;
  target @1 :UInt32;
  hasGapMin @2 :Bool;
  hasGapMax @3 :Bool;
  gapMinS @4 :Int64;
  gapMaxS @5 :Int64;
}

struct Event {
  id @0 :Text;
  aliases @1 :List(Text);
  title @2 :Text;
  zone @3 :UInt16;
  kind @4 :UInt8;
  status @5 :UInt8;
  dating @6 :UInt8;
  startS @7 :Int64;
  endS @8 :Int64;
  firstDay @9 :Int32;
  lastDay @10 :Int32;
  earliestStart @11 :Int64;
  latestStart @12 :Int64;
  earliestEnd @13 :Int64;
  latestEnd @14 :Int64;
  tags @15 :List(Text);
  actors @16 :List(Text);
  relations @17 :List(Relation);
  location @18 :Text;
  outlet @19 :Text;
  url @20 :Text;
  quote @21 :Text;
  rank @22 :UInt32;
}

struct Alias {
  key @0 :Text;
  event @1 :UInt32;
}

struct Entry {
  events @0 :List(Event);
  zones @1 :List(Text);
  byId @2 :List(UInt32);
  aliases @3 :List(Alias);
  byStart @4 :List(UInt32);
  referrerOffsets @5 :List(UInt32);
  referrers @6 :List(UInt32);
  maxSpanS @7 :Int64;
}
