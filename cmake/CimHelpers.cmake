# One-call helpers so that adding a library, a binary or a test is one short call.
#
#   cim_library(NAME cim_identity SRCS a.cc b.cc DEPS cim_common)
#   cim_binary(NAME cim-server SRCS main.cc DEPS cim_server_app)
#   cim_test(NAME identity_login_policy_test SRCS login_policy_test.cc DEPS cim_identity [DB])
#
# Tests marked DB need the private MariaDB (ci/db-start.sh); ctest gives them the socket via
# CIM_TEST_DB and each test binary creates and drops its own database.

function(cim_library)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  add_library(${ARG_NAME} STATIC ${ARG_SRCS})
  target_include_directories(${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
  target_link_libraries(${ARG_NAME} PUBLIC ${ARG_DEPS})
endfunction()

function(cim_binary)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS})
endfunction()

function(cim_test)
  cmake_parse_arguments(ARG "DB" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SRCS})
  # cim_messages: StatusIs reads messages written as phrases in English (status_matchers.h).
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} cim_messages GTest::gmock_main)
  target_include_directories(${ARG_NAME} PRIVATE ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
  add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
  set(env "CIM_SOURCE_DIR=${PROJECT_SOURCE_DIR};ASAN_OPTIONS=detect_leaks=1")
  if(ARG_DB)
    set_tests_properties(${ARG_NAME} PROPERTIES LABELS db)
  endif()
  set_tests_properties(${ARG_NAME} PROPERTIES ENVIRONMENT "${env}")
endfunction()
