#include "dipcal/ics/uid.h"

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/string_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

namespace dipcal::ics {

std::string uuid_v5(std::string_view name_space, std::string_view name) {
  // Every event's UID is in the same namespace: read it once.
  static const boost::uuids::uuid url_namespace = boost::uuids::string_generator{}(std::string{kUrlNamespace});
  auto ns = name_space == kUrlNamespace ? url_namespace : boost::uuids::string_generator{}(std::string{name_space});
  boost::uuids::name_generator_sha1 generate{ns};
  return boost::uuids::to_string(generate(name.data(), name.size()));
}

std::string event_uid(std::string_view calendar, std::string_view event_id) {
  std::string name = "urn:dipcal:";
  name += calendar;
  name += ':';
  name += event_id;
  return uuid_v5(kUrlNamespace, name);
}

}  // namespace dipcal::ics
