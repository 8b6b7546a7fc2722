# Debian packages with CPack (scripts/package runs `cpack -G DEB`), one per install component:
#   dipcal          the CLI, its man pages, shell completions, schema and example fixtures
#   libdipcal-dev   the engine: libdipcal.a, headers, CMake package, pkg-config file
# The engine ships as a static library in a -dev package rather than as a shared libdipcal0: its C++
# API is young (0.x) and makes no ABI promise, so a SONAME would have to change with nearly every
# release, and Debian's way for such a library is static in -dev. The CLI links it in, so `dipcal`
# depends only on the system libraries dpkg-shlibdeps finds (CPACK_DEBIAN_PACKAGE_SHLIBDEPS).
# Configure with -DCMAKE_INSTALL_PREFIX=/usr so the paths are Debian's (lib/x86_64-linux-gnu).
set(DIPCAL_DEB_RELEASE 1)
set(DIPCAL_MAINTAINER "dipcal maintainers <maintainers@users.noreply.r-seed-720dcc4d.example>")

# Debian wants a copyright file and a compressed changelog in each package's doc folder.
configure_file(packaging/debian/changelog.in ${PROJECT_BINARY_DIR}/debian/changelog.Debian @ONLY)
find_program(GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz
  COMMAND ${GZIP} -9n -c ${PROJECT_BINARY_DIR}/debian/changelog.Debian > ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz
  DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog.Debian VERBATIM)
add_custom_target(dipcal_debian_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz)
foreach(component_package IN ITEMS "cli;dipcal" "dev;libdipcal-dev")
  list(GET component_package 0 component)
  list(GET component_package 1 package)
  install(FILES packaging/debian/copyright ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dipcal)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's synopsis is the first line of its own description below. CPackDeb prepends the
# package-wide summary unless it is CPack's default, which it therefore is.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_NAME} built using CMake")
set(CPACK_PACKAGE_CONTACT "${DIPCAL_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # dipcal_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE ${DIPCAL_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${DIPCAL_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_CLI_PACKAGE_NAME dipcal)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
# Zones are read from /usr/share/zoneinfo at run time.
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "tzdata")
set(CPACK_DEBIAN_CLI_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_DEBIAN_CLI_DESCRIPTION "diplomatic calendars: what happens when, in every time zone
dipcal reads a timeline of diplomatic events from YAML files and answers
questions about it with every date right in every time zone: events in
order, how many calendar days stand between two events, what depends on
what, what happens on a civil day somewhere, and when an event with an
imprecise date can take place. It writes iCalendar files and timeline
pictures, and imports other tools' calendars.

This package holds the dipcal command, its manual pages, completion for
bash, zsh and fish, the fixture JSON Schema and an example timeline.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libdipcal-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_ARCHITECTURE amd64)
# The public headers include date and fmt; the static library also needs yaml-cpp and Boost.Graph at
# the final link, as its CMake package and pkg-config file say.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libhowardhinnant-date-dev, libfmt-dev, libyaml-cpp-dev, libboost-graph-dev, libicu-dev")
set(CPACK_DEBIAN_DEV_DESCRIPTION "diplomatic calendars engine (static library and headers)
The C++20 engine of dipcal: loading YAML fixtures of diplomatic events,
civil dates and instants through IANA zones, calendar-day lead times,
dependency graphs, a temporal network of the relations, and iCalendar
reading and writing.

This package holds the static library, its headers, a CMake package
(find_package(dipcal), target dipcal::engine) and a pkg-config file.")

include(CPack)
