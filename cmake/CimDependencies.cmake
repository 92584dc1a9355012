# Finds the Debian packages the project builds against.
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(Protobuf REQUIRED)
find_package(absl REQUIRED)
find_package(gRPC CONFIG REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_program(GRPC_CPP_PLUGIN grpc_cpp_plugin REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-i18n icu-uc)
pkg_check_modules(OATH REQUIRED IMPORTED_TARGET liboath)

# Debian's SOCI ships no CMake config: find the libraries directly.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_MYSQL_LIBRARY soci_mysql REQUIRED)
pkg_check_modules(MARIADB REQUIRED IMPORTED_TARGET libmariadb)
add_library(cim_soci INTERFACE)
target_include_directories(cim_soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${SOCI_INCLUDE_DIR}/soci)
target_link_libraries(cim_soci INTERFACE ${SOCI_MYSQL_LIBRARY} ${SOCI_CORE_LIBRARY}
                      PkgConfig::MARIADB Boost::headers)

find_package(GTest)

set(CIM_GOOGLEAPIS_DIR /usr/share/gocode/src/github.com/gogo/googleapis
    CACHE PATH "google.api / google.rpc protos (Debian golang-github-gogo-googleapis-dev)")
