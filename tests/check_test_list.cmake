# Checks the Catch2 test list against how CMakeLists.txt turns it into ctest
# tests (one catch_discover_tests per label tag). Run by ctest:
#   cmake -DTEST_BINARY=<newsgraph_tests> -DLABELS=shared,cli,... -P check_test_list.cmake
# Fails, listing the offenders, when a test case has no label tag, has two, or
# has a ';' in its name.
string(REPLACE "," ";" labels "${LABELS}")

# Catch2's --list-test-names-only prints the names matching a test spec and
# exits with their count.
function(list_matching spec out)
  execute_process(COMMAND "${TEST_BINARY}" "${spec}" --list-test-names-only
                  OUTPUT_VARIABLE names RESULT_VARIABLE count)
  if(NOT count MATCHES "^[0-9]+$")
    message(FATAL_ERROR "${TEST_BINARY} failed: ${count}")
  endif()
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

set(problems "")
# No label: excluded by every label tag.
set(none "")
foreach(label IN LISTS labels)
  string(APPEND none "~[${label}]")
endforeach()
list_matching("${none}" names)
if(names)
  string(APPEND problems "test cases with no label tag:\n${names}")
endif()
# Two labels: any pair.
set(pairs "")
foreach(a IN LISTS labels)
  foreach(b IN LISTS labels)
    if(a STRLESS b)
      list(APPEND pairs "[${a}][${b}]")
    endif()
  endforeach()
endforeach()
string(REPLACE ";" "," pairs "${pairs}")
list_matching("${pairs}" names)
if(names)
  string(APPEND problems "test cases with two label tags:\n${names}")
endif()
# A ';' in a name.
list_matching("*" names)
string(REGEX MATCHALL "[^\n]*;[^\n]*\n" with_semicolon "${names}")
if(with_semicolon)
  string(APPEND problems "test case names with ';':\n${with_semicolon}")
endif()

if(problems)
  message(FATAL_ERROR "${problems}")
endif()
