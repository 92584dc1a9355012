# Writes OUT, a C++ file defining cim::CompiledCatalogSources() with the text of each catalog
# in CATALOGS (lib/catalogs/<language>.txt files separated by "|"). Run by lib/CMakeLists.txt.
string(REPLACE "|" ";" catalogs "${CATALOGS}")
set(body "")
foreach(catalog IN LISTS catalogs)
  get_filename_component(language ${catalog} NAME_WE)
  file(READ ${catalog} text)
  string(FIND "${text}" ")cim_catalog\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${catalog} contains the raw string's end marker")
  endif()
  string(APPEND body "      {\"${language}\", R\"cim_catalog(${text})cim_catalog\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from lib/catalogs by cmake/embed_catalogs.cmake. Do not edit.
#include \"lib/messages.h\"

namespace cim {

std::vector<MessageCatalogs::Source> CompiledCatalogSources() {
  return {
${body}  };
}

}  // namespace cim
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
