# `cmake --install`: the engine (static libdipcal.a, headers, CMake package, pkg-config file) as the
# component `dev`, and the CLI with its data, man pages and shell completions as the component `cli`.
# The Debian packages (cmake/package.cmake) are these two components: libdipcal-dev and dipcal.
include(CMakePackageConfigHelpers)

set(DIPCAL_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/dipcal)
install(TARGETS dipcal_engine EXPORT dipcalTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev NAMELINK_COMPONENT dev)
install(DIRECTORY engine/include/dipcal ${PROJECT_BINARY_DIR}/engine/include/dipcal
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev FILES_MATCHING PATTERN "*.h")
install(EXPORT dipcalTargets NAMESPACE dipcal:: DESTINATION ${DIPCAL_CMAKE_DIR} COMPONENT dev)

get_target_property(DIPCAL_ENGINE_TYPE dipcal_engine TYPE)
set(DIPCAL_BOOST_VERSION ${Boost_MAJOR_VERSION}.${Boost_MINOR_VERSION})
configure_package_config_file(cmake/dipcalConfig.cmake.in ${PROJECT_BINARY_DIR}/dipcalConfig.cmake
  INSTALL_DESTINATION ${DIPCAL_CMAKE_DIR})
# 0.x: a minor release may change the API, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/dipcalConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/dipcalConfig.cmake ${PROJECT_BINARY_DIR}/dipcalConfigVersion.cmake
  DESTINATION ${DIPCAL_CMAKE_DIR} COMPONENT dev)

# pkg-config. libdipcal is static, so `pkg-config --libs dipcal` names everything the final link needs
# (not in Libs.private, which plain --libs leaves out). The prefix is the one installed to
# (`cmake --install --prefix` may differ from the configured one), so the file is written at install time.
if(NOT DIPCAL_ENGINE_TYPE STREQUAL "STATIC_LIBRARY")
  set(DIPCAL_PC_REQUIRES "")
  set(DIPCAL_PC_LIBS "-ldate-tz -pthread")
else()
  set(DIPCAL_PC_REQUIRES "yaml-cpp icu-uc icu-i18n")
  set(DIPCAL_PC_LIBS "-ldate-tz -lboost_graph -pthread")
endif()
set(DIPCAL_PREFIX "@DIPCAL_PREFIX@")  # kept for the second pass, at install time
configure_file(cmake/dipcal.pc.in ${PROJECT_BINARY_DIR}/dipcal.pc.in @ONLY)
install(CODE "
  set(DIPCAL_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${PROJECT_BINARY_DIR}/dipcal.pc.in\" \"${PROJECT_BINARY_DIR}/pkgconfig/dipcal.pc\" @ONLY)
  file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig\" TYPE FILE
    FILES \"${PROJECT_BINARY_DIR}/pkgconfig/dipcal.pc\")" COMPONENT dev)

if(TARGET dipcal)
  install(TARGETS dipcal dipcal_serve RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)  # dipcal serve runs dipcal-serve beside it
  # Where cli/bundled.cpp looks: <datadir>/dipcal/{examples,schemas,windowsZones.tsv}.
  set(DIPCAL_DATA ${CMAKE_INSTALL_DATADIR}/dipcal)
  install(FILES fixtures/us-china-trade-2025.yaml DESTINATION ${DIPCAL_DATA}/examples COMPONENT cli)
  install(FILES schemas/dipcal-fixture.schema.json DESTINATION ${DIPCAL_DATA}/schemas COMPONENT cli)
  install(FILES data/windowsZones.tsv DESTINATION ${DIPCAL_DATA} COMPONENT cli)
endif()
