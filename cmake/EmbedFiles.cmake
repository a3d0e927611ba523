# shop_embed_files(TARGET <target> NAMESPACE <ns> FUNCTION <name> FILES <files...>)
#
# Compiles text files (SQL migrations, OpenAPI documents) into the binary so a
# service carries everything it needs: the embedded shop is a single file.
# Generates a .cpp defining
#   std::vector<platform::EmbeddedFile> <ns>::<name>()
# with one entry per file, in the order given, named by file name.
function(shop_embed_files)
  cmake_parse_arguments(ARG "" "TARGET;NAMESPACE;FUNCTION" "FILES" ${ARGN})
  set(output "${CMAKE_CURRENT_BINARY_DIR}/${ARG_FUNCTION}_embedded.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DNAMESPACE=${ARG_NAMESPACE}
            -DFUNCTION=${ARG_FUNCTION} "-DFILES=${ARG_FILES}"
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake"
    DEPENDS ${ARG_FILES} "${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake"
    COMMENT "Embedding ${ARG_FUNCTION}"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE "${output}")
endfunction()
