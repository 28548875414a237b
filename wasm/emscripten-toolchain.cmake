# Finds Emscripten's own CMake toolchain file and includes it, so one preset
# works with Debian's emscripten package and with an emsdk on PATH alike.
# Search order: $EMSCRIPTEN (emsdk sets it), $EMSDK/upstream/emscripten, then the
# directory of the real `emcc` on PATH (Debian: /usr/bin/emcc -> /usr/share/emscripten).
set(_wb_candidates "")
if(DEFINED ENV{EMSCRIPTEN})
  list(APPEND _wb_candidates "$ENV{EMSCRIPTEN}")
endif()
if(DEFINED ENV{EMSDK})
  list(APPEND _wb_candidates "$ENV{EMSDK}/upstream/emscripten")
endif()
find_program(_wb_emcc emcc)
if(_wb_emcc)
  get_filename_component(_wb_emcc_real "${_wb_emcc}" REALPATH)
  get_filename_component(_wb_emcc_dir "${_wb_emcc_real}" DIRECTORY)
  list(APPEND _wb_candidates "${_wb_emcc_dir}")
endif()
list(APPEND _wb_candidates "/usr/share/emscripten" "/usr/lib/emscripten")

foreach(_wb_root IN LISTS _wb_candidates)
  set(_wb_file "${_wb_root}/cmake/Modules/Platform/Emscripten.cmake")
  if(EXISTS "${_wb_file}")
    include("${_wb_file}")
    return()
  endif()
endforeach()
message(FATAL_ERROR "Emscripten not found: install it (Debian: apt-get install emscripten) "
                    "or activate an emsdk (source emsdk_env.sh). Looked in: ${_wb_candidates}")
