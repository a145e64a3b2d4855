#include <catch2/catch.hpp>

#include <string>

#include "core/language.h"

TEST_CASE("check_english tells English news from other languages", "[core][language][unit]") {
  const std::string english =
      "The president of the company said on Monday that it would open a new office in the "
      "city, after talks with the mayor, who has been in office since 2019. He added that the "
      "plan was approved by the board and that more jobs would follow.";
  CHECK(ng::check_english(english).english);
  const std::string french =
      "Le président de la société a annoncé lundi l'ouverture d'un nouveau bureau dans la "
      "ville, après des discussions avec le maire, en poste depuis 2019. Il a ajouté que le "
      "projet avait été approuvé par le conseil et que des emplois suivraient bientôt.";
  auto fr = ng::check_english(french);
  CHECK_FALSE(fr.english);
  CHECK_THAT(fr.reason(), Catch::Contains("words are English function words"));
  const std::string german =
      "Der Präsident des Unternehmens sagte am Montag, dass in der Stadt ein neues Büro "
      "eröffnet werde, nach Gesprächen mit dem Bürgermeister, der seit 2019 im Amt ist. Der "
      "Plan sei vom Vorstand genehmigt worden und weitere Stellen würden folgen.";
  CHECK_FALSE(ng::check_english(german).english);
  const std::string russian =
      "Президент компании заявил в понедельник, что в городе откроется новый офис после "
      "переговоров с мэром, который занимает эту должность с 2019 года.";
  auto ru = ng::check_english(russian);
  CHECK_FALSE(ru.english);
  CHECK(ru.reason() == "most letters are not Latin");
  // Short texts and names give no evidence against English.
  CHECK(ng::check_english("Ilham Aliyev, Igor Babushkin.").english);
  CHECK(ng::check_english("").english);
}

TEST_CASE("check_english: a list of names is no evidence against English", "[core][language][unit]") {
  std::string names = "President Ana Ruiz met";
  for (int i = 0; i < 200; ++i) names += " Jan Novak" + std::to_string(i) + ",";
  names += " and Tom Tran.";
  CHECK(ng::check_english(names).english);
}
