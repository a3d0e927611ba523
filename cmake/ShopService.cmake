# shop_service(<name> [LINK <libraries>...] [TEST_LINK <libraries>...])
#
# One service, laid out as every service is:
# - a static library of src/**.cpp, linked by the service's own executable
#   and by apps/shop, so both run the same code;
# - migrations/*.sql and openapi.yaml compiled in when present, as
#   <name>::migrations() and <name>::openapi_document();
# - the executable `<name>` from main.cpp when present;
# - tests/unit and tests/integration as two test executables labelled
#   "<name>;unit" and "<name>;integration", when they have sources; the
#   integration tests also link TEST_LINK (other services a test runs beside
#   this one, for real).
function(shop_service name)
  cmake_parse_arguments(ARG "" "" "LINK;TEST_LINK" ${ARGN})
  set(dir "${CMAKE_CURRENT_SOURCE_DIR}")
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${dir}/src/*.cpp")
  add_library(${name} STATIC ${sources})
  target_include_directories(${name} PUBLIC "${dir}/src")
  target_link_libraries(${name} PUBLIC platform ${ARG_LINK})

  file(GLOB migrations CONFIGURE_DEPENDS "${dir}/migrations/*.sql")
  if(migrations)
    list(SORT migrations)
    shop_embed_files(TARGET ${name} NAMESPACE ${name} FUNCTION migrations FILES ${migrations})
  endif()
  if(EXISTS "${dir}/openapi.yaml")
    shop_embed_files(TARGET ${name} NAMESPACE ${name} FUNCTION openapi_document
                     FILES "${dir}/openapi.yaml")
  endif()

  if(EXISTS "${dir}/main.cpp")
    add_executable(${name}_server "${dir}/main.cpp")
    target_link_libraries(${name}_server PRIVATE ${name})
    set_target_properties(${name}_server PROPERTIES OUTPUT_NAME ${name})
  endif()

  if(SHOP_BUILD_TESTS)
    foreach(kind unit integration)
      file(GLOB tests CONFIGURE_DEPENDS "${dir}/tests/${kind}/*.cpp")
      if(tests)
        add_executable(${name}_${kind}_tests ${tests})
        target_link_libraries(${name}_${kind}_tests PRIVATE ${name} platform_testing
                                                            GTest::gtest_main)
        if(kind STREQUAL "integration" AND ARG_TEST_LINK)
          target_link_libraries(${name}_${kind}_tests PRIVATE ${ARG_TEST_LINK})
        endif()
        gtest_discover_tests(${name}_${kind}_tests DISCOVERY_MODE PRE_TEST
                             PROPERTIES LABELS "${name};${kind}")
      endif()
    endforeach()
  endif()
endfunction()
