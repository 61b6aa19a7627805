# Runs LINT on FILE; passes only if it exits 1 and its output matches every regex in EXPECT
# ("|" separates the regexes, so none may contain one).
execute_process(COMMAND "${LINT}" lint "${FILE}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit status 1, got ${rc}")
endif()
string(REPLACE "|" ";" patterns "${EXPECT}")
foreach(pattern IN LISTS patterns)
  if(NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "output does not match: ${pattern}")
  endif()
endforeach()
