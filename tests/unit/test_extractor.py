"""Rule entities and red flags from real sentences, and the Rasa component's intent override."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import components.extractor
import components.language
from components.extractor import (
    REQUIRED_SETTINGS,
    MissingSetting,
    NoRedFlagPatterns,
    RuleEntityExtractor,
    find_entities,
    rule_findings,
)
from components.language import build_pipeline
from tests.pipeline_config import EXTRACTOR, extractor_config, pipeline_entry


def entities(text: str) -> list[dict[str, Any]]:
    return find_entities(build_pipeline()(text))


def values(text: str) -> list[tuple[str, Any]]:
    return [(entity["entity"], entity["value"]) for entity in entities(text)]


def flags(text: str) -> list[tuple[str, str]]:
    return [(entity["value"], entity["role"]) for entity in entities(text) if entity["entity"] == "red_flag"]


def test_body_part_duration_and_pain_level() -> None:
    text = "my lower back has hurt for 3 days, about 6/10"
    assert entities(text) == [
        {"entity": "body_part", "value": "lower back", "start": 3, "end": 13, "confidence_entity": 1.0,
         "extractor": "RuleEntityExtractor"},
        {"entity": "duration", "value": 3.0, "start": 27, "end": 33, "confidence_entity": 1.0,
         "extractor": "RuleEntityExtractor"},
        {"entity": "pain_level", "value": 6, "start": 41, "end": 45, "confidence_entity": 1.0,
         "extractor": "RuleEntityExtractor"},
    ]  # fmt: skip
    assert text[3:13] == "lower back" and text[27:33] == "3 days" and text[41:45] == "6/10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My neck and shoulders are stiff", [("body_part", "neck"), ("body_part", "shoulders")]),
        ("pain between my shoulder blades", [("body_part", "shoulder blades")]),
        ("spasms in my mid-back for two weeks", [("body_part", "middle back"), ("duration", 14.0)]),
        ("my hips and glutes ache", [("body_part", "hips"), ("body_part", "buttocks")]),
        ("upper back pain since yesterday, 8 out of 10", [("body_part", "upper back"), ("duration", 1.0),
                                                           ("pain_level", 8)]),
        ("a sharp pain in my left side", [("body_part", "side")]),
        ("Back pain, pain is a 7", [("body_part", "back"), ("pain_level", 7)]),
        ("I take ibuprofen twice a day", []),
        ("I'm 45 years old", []),
        ("I'll come back later", []),
        ("on and off for months", [("duration", 90.0)]),
        ("it's been like this for weeks", [("duration", 21.0)]),
        # how long a shift or a drive lasts is not how long the pain has
        ("I'm a nurse on twelve-hour shifts and my back hurts", [("body_part", "back")]),
        ("back pain for 12 hours, since a 3 hour drive", [("body_part", "back"), ("duration", 0.5)]),
    ],
)  # fmt: skip
def test_slot_entities(text: str, expected: list[tuple[str, Any]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I peed myself this morning", [("bladder_bowel", "emergency")]),
        ("I've been wetting myself", [("bladder_bowel", "emergency")]),
        ("Pooed myself, can't hold my wee", [("bladder_bowel", "emergency")]),
        ("I lost control of my bladder", [("bladder_bowel", "emergency")]),
        ("I'm leaking urine", [("bladder_bowel", "emergency")]),
        ("I can't pee", [("urine_retention", "emergency")]),
        ("struggling to urinate since this morning", [("urine_retention", "emergency")]),
        ("trouble passing urine", [("urine_retention", "emergency")]),
        ("numbness around my bum", [("saddle_numbness", "emergency")]),
        ("my groin has gone numb", [("saddle_numbness", "emergency")]),
        ("tingling down there", [("saddle_numbness", "emergency")]),
        ("I can't feel my bottom", [("saddle_numbness", "emergency")]),
        ("both legs feel weak", [("both_legs", "emergency")]),
        ("my legs are numb", [("both_legs", "emergency")]),
        ("pins and needles in both my feet", [("both_legs", "emergency")]),
        ("my legs gave way on the stairs", [("both_legs", "emergency")]),
        ("I can't feel my legs", [("both_legs", "emergency")]),
        ("it started after a car crash", [("trauma", "emergency")]),
        ("I fell off a ladder", [("trauma", "emergency")]),
        ("I was hit by a car", [("trauma", "emergency")]),
        ("I have chest pain too", [("chest_pain", "emergency")]),
        ("my chest feels tight", [("chest_pain", "emergency")]),
        ("I've got a fever", [("fever", "urgent")]),
        ("I'm hot and shivery", [("fever", "urgent")]),
        ("I've lost weight without trying", [("weight_loss", "urgent")]),
        ("I had cancer five years ago", [("cancer_history", "urgent")]),
        ("history of bowel cancer", [("cancer_history", "urgent")]),
        ("I finished chemo last year", [("cancer_history", "urgent")]),
        ("the pain is worse at night", [("night_pain", "urgent")]),
        ("it doesn't ease with rest", [("night_pain", "urgent")]),
        ("there's a lump on my spine", [("back_lump", "urgent")]),
        ("my back has changed shape", [("back_lump", "urgent")]),
        ("I'm 60 and this is new", [("age_onset", "urgent")]),
        ("I'm 17 and my back hurts", [("age_onset", "urgent")]),
        ("I have a fever and I can't pee", [("fever", "urgent"), ("urine_retention", "emergency")]),
        ("is it normal for a spasm to make your chest feel heavy?", [("chest_pain", "emergency")]),
        ("could not pee all day", [("urine_retention", "emergency")]),
        ("no fever, my legs are numb and weak", [("both_legs", "emergency")]),
        ("No warning, chest pain and sweating", [("chest_pain", "emergency")]),
        ("Can barely pee, only a trickle comes out", [("urine_retention", "emergency")]),
        ("Should mention, had breast cancer 3 years ago", [("cancer_history", "urgent")]),
        ("I inject heroin and the pain shoots down my leg", [("iv_drugs", "urgent")]),
        (
            "woke up in sheets soaked with sweat and had lost control of my bladder",
            [("fever", "urgent"), ("bladder_bowel", "emergency")],
        ),
        ("Crushing chest pain, my ECG last year was normal", [("chest_pain", "emergency")]),
        ("numb bum since the epidural injection on Monday", [("saddle_numbness", "emergency")]),
        ("both my feet keep dragging on the pavement when I walk", [("both_legs", "emergency")]),
        # asked as "is it normal ...?" anywhere in the sentence: about one's own body
        (
            "odd one, but is it normal to have no feeling in your groin with a bad back?",
            [("saddle_numbness", "emergency")],
        ),
        # formal words, baby words and everyday words for the same signs
        ("I am unable to retain my urine", [("bladder_bowel", "emergency")]),
        ("I can't make pipi", [("urine_retention", "emergency")]),
        ("my legs have no force in them", [("both_legs", "emergency")]),
        ("it's gone into my jaw now", [("chest_pain", "emergency")]),
        ("weight reduction of about 8 kg since summer", [("weight_loss", "urgent")]),
        ("it hurts more when I'm lying down resting", [("night_pain", "urgent")]),
        ("Carpenter, 68, back started aching this month", [("age_onset", "urgent")]),
        ("I bang up gear most weekends", [("iv_drugs", "urgent")]),
        # vocabulary from the second development set (bench/dev), in other words
        ("poo keeps coming out without any control", [("bladder_bowel", "emergency")]),
        ("I can't have a wee at all since lunch", [("urine_retention", "emergency")]),
        ("bilateral lower limb numbness with low back pain", [("both_legs", "emergency")]),
        ("my legs have gone to jelly", [("both_legs", "emergency")]),
        ("my chest feels crushed", [("chest_pain", "emergency")]),
        ("took a huge tumble on the ice", [("trauma", "emergency")]),
        ("I fell out of a tree", [("trauma", "emergency")]),
        ("episode of syncope with the back pain", [("aaa", "emergency")]),
        ("I was loosing weight without trying", [("weight_loss", "urgent")]),
        ("I had the big C", [("cancer_history", "urgent")]),
        ("lying flat makes the pain worse", [("night_pain", "urgent")]),
        ("it hurts more at 4am", [("night_pain", "urgent")]),
        ("I can't find a way to lie that brings any relief", [("night_pain", "urgent")]),
        ("I have lost height and my spine is more bent", [("back_lump", "urgent")]),
        ("is it normal to get back pain at 15?", [("age_onset", "urgent")]),
        ("been on steriods for years", [("steroids", "urgent")]),
        ("my imune system is weak", [("immunosuppression", "urgent")]),
        # vocabulary behind the eighth blind suite's first misses, in other words
        ("I didn't even notice myself wee", [("bladder_bowel", "emergency")]),
        ("the ache wraps round to the front into my chest", [("chest_pain", "emergency")]),
        ("it spreads from my upper back through into my chest", [("chest_pain", "emergency")]),
        ("I lose 4 kilo since summer", [("weight_loss", "urgent")]),
        ("I'm pacing the house every night with it", [("night_pain", "urgent")]),
        ("at night it's agony", [("night_pain", "urgent")]),
        ("it doesn't matter which way I lie, the pain stays", [("night_pain", "urgent")]),
        ("tingling down both legs since I went to the gym", [("both_legs", "emergency")]),
        # the ninth's, in other words
        ("had 3 accidents in my knickers since Friday", [("bladder_bowel", "emergency")]),
        ("my groin has fallen asleep and stays that way", [("saddle_numbness", "emergency")]),
        ("a prickly pins and needles sensation around my genitals", [("saddle_numbness", "emergency")]),
        ("both my feet slip on the stairs as I can't feel them", [("both_legs", "emergency")]),
        ("both legs below the knees are numb", [("both_legs", "emergency")]),
        ("my legs are a bit wobbly and weak", [("both_legs", "emergency")]),
        ("my feet keep tripping on the rug", [("both_legs", "emergency")]),
        ("I was puffing like a train climbing into bed", [("chest_pain", "emergency")]),
        ("flipped the ute on a dirt road", [("trauma", "emergency")]),
        ("I've lost wait and I don't know why", [("weight_loss", "urgent")]),
        ("down 5 kg since June", [("weight_loss", "urgent")]),
        ("there's a bulge low down on my spine", [("back_lump", "urgent")]),
        ("I'm 15 never had this before", [("age_onset", "urgent")]),
        ("18 and my back has gone for the first time", [("age_onset", "urgent")]),
        # measured, so no hot water bottle explains it away
        ("my hot water bottle is on, temperature is 38.6", [("fever", "urgent")]),
        # a remark after a question tells
        ("what cream is best for a spasm also can't pee since lunch", [("urine_retention", "emergency")]),
        # session 24: a tenth blind suite's classes, in other words
        ("on the toilet I don't really feel the seat under my bum", [("saddle_numbness", "emergency")]),
        ("my feet are sleeping since this morning", [("both_legs", "emergency")]),
        ("mi chest tight and mi cyaan get mi breath", [("chest_pain", "emergency")]),
        ("the ache go right cross my chest", [("chest_pain", "emergency")]),
        ("I fall down off of the roof last week", [("trauma", "emergency")]),
        ("my back hurts and all across my stomach too", [("aaa", "emergency")]),
        ("I lose myself for a few seconds in the kitchen", [("aaa", "emergency")]),
        ("everything turned black when I stood up", [("aaa", "emergency")]),
        ("boiling one minute and shivering the next", [("fever", "urgent")]),
        ("I did have breast cancer", [("cancer_history", "urgent")]),
        ("there's a hard ball under the skin by my spine", [("back_lump", "urgent")]),
        ("a bit of his spine sticks out now", [("back_lump", "urgent")]),
        ("I have 62 years and my back went last week", [("age_onset", "urgent")]),
        ("I do injections of heroin", [("iv_drugs", "urgent")]),
        ("started metotrexate in the summer", [("immunosuppression", "urgent")]),
        # session 25: an eleventh blind suite's classes, in other words
        ("I seem to have lost command of my bowels", [("bladder_bowel", "emergency")]),
        ("I strain for ages to get my wee flow going", [("urine_retention", "emergency")]),
        ("why would my bum cheeks start to feel numb?", [("saddle_numbness", "emergency")]),
        ("there's no feeling at all in my sitting area", [("saddle_numbness", "emergency")]),
        ("my feet, both of them, feel weak and floppy", [("both_legs", "emergency")]),
        ("Could the pain be from the fall off my bike today?", [("trauma", "emergency")]),
        ("I keep needing smaller jeans and I eat loads", [("weight_loss", "urgent")]),
        ("I've been losing flesh lately and I eat fine", [("weight_loss", "urgent")]),
        ("got a sore back since having prostate cancer", [("cancer_history", "urgent")]),
        ("is it normal for a bump to appear on my spine?", [("back_lump", "urgent")]),
        ("my back went and I'm only in year 10", [("age_onset", "urgent")]),
        ("I'm still injecting every weekend", [("iv_drugs", "urgent")]),
        # ... and the review of those fixes, in both directions
        ("I've no command over my bladder", [("bladder_bowel", "emergency")]),
        ("injecting at weekends, back spasms", [("iv_drugs", "urgent")]),
        ("a lump seems to have come up on my spine", [("back_lump", "urgent")]),
        ("I'm in 10th grade and my back hurts", [("age_onset", "urgent")]),
        ("a car crashed into me at the junction yesterday", [("trauma", "emergency")]),
        ("both legs feel like jelly after a short walk and I've fallen twice", [("both_legs", "emergency")]),
        ("Is it true I should worry, I have chest pain with my back spasm right now", [("chest_pain", "emergency")]),
        ("used to be on azathioprine, been put back on it last month, back spasm", [("immunosuppression", "urgent")]),
        # session 26: a twelfth blind suite's classes, in other words
        ("I'm not abel to pass urine since this morning", [("urine_retention", "emergency")]),
        ("twelve hours since I last had a wee", [("urine_retention", "emergency")]),
        ("when I try to pee it takes forever to come", [("urine_retention", "emergency")]),
        ("tingly all round me bum", [("saddle_numbness", "emergency")]),
        ("my inner thighs and privates have lost feeling", [("saddle_numbness", "emergency")]),
        ("there's a numb patch on my bottom", [("saddle_numbness", "emergency")]),
        ("I dropped about ten feet off the scaffolding", [("trauma", "emergency")]),
        ("got slammed onto the floor at judo", [("trauma", "emergency")]),
        ("came aff the horse at a gallop", [("trauma", "emergency")]),
        ("the pain gets worse the moment I lie down", [("night_pain", "urgent")]),
        ("I've been lying flat all day and it hasn't budged", [("night_pain", "urgent")]),
        ("a lump near the base of my spine", [("back_lump", "urgent")]),
        # an "I" left out: telling, though a question follows
        ("could barely pee all day, is that serious?", [("urine_retention", "emergency")]),
        # session 27: a thirteenth blind suite's classes, in other words
        ("does a spasm make you wet yourself? cos I did this afternoon", [("bladder_bowel", "emergency")]),
        ("is chemo linked to back spasms? I finished it in the spring", [("cancer_history", "urgent")]),
        ("Do steroid tablets cause back spasms? been taking them every day for four years", [("steroids", "urgent")]),
        ("PMH breast Ca, now back spasms", [("cancer_history", "urgent")]),
        ("skin cancer removed in 2018, back spasm now", [("cancer_history", "urgent")]),
        ("my back is in spasm and I can't get a full breath in", [("chest_pain", "emergency")]),
        ("kicked hard in the lower back by a cow", [("trauma", "emergency")]),
        ("there's a lump roughly the size of a pea on my spine", [("back_lump", "urgent")]),
        ("a new swelling over my T8 spinous process", [("back_lump", "urgent")]),
        ("Born in 1952 and my back has just started going", [("age_onset", "urgent")]),
        ("I'm newly retired and my back's started spasming", [("age_onset", "urgent")]),
        ("got my senior bus pass this year and now my back has started playing up", [("age_onset", "urgent")]),
        ("born in the sixties and my back has only just started going", [("age_onset", "urgent")]),
        ("I'm a sophomore in high school and my back hurts", [("age_onset", "urgent")]),
        ("I'm 38.6 and my back is agony", [("fever", "urgent")]),
        ("on long-term daily pred", [("steroids", "urgent")]),
        ("my legs are both lam since this morning", [("both_legs", "emergency")]),
        ("I use 💉 at weekends", [("iv_drugs", "urgent")]),
        # ... and the review of those fixes, in both directions
        ("fell 10 feet off scaffolding, got straight back up but now my back is in agony", [("trauma", "emergency")]),
        ("couldn't pee for 10 hours yesterday, it sorted itself out in the end", [("urine_retention", "emergency")]),
        ("Fever, it's over 39 and my back is in spasm", [("fever", "urgent")]),
        ("I'm burning up then just freezing, sweats and shivers all night", [("fever", "urgent")]),
        ("can methotrexate make back spasms worse? I'm on 15mg weekly", [("immunosuppression", "urgent")]),
        ("can a back spasm make you wet yourself? happened to me this morning", [("bladder_bowel", "emergency")]),
        # ... and a second round after it, in other words
        ("can spasms make u wet urself? cos that's just happened to me", [("bladder_bowel", "emergency")]),
        ("do back spasms make it hard to breathe? because I'm struggling right now", [("chest_pain", "emergency")]),
        ("Is it normal to leak wee with a spasm? ngl it happened twice today", [("bladder_bowel", "emergency")]),
        ("DOB 03/11/1961 and this is my first ever bad back", [("age_onset", "urgent")]),
        ("forum says post your age: me (61F), back just went for the first time", [("age_onset", "urgent")]),
        ("Ca breast 2016, back aching for a month", [("cancer_history", "urgent")]),
        ("I'm at 38.4 and my back is in spasm", [("fever", "urgent")]),
        ("got kicked so hard in the back by my horse", [("trauma", "emergency")]),
        ("it feels like I'm suffocating and my upper back is in spasm", [("chest_pain", "emergency")]),
        ("is it bad that both legs are numb", [("both_legs", "emergency")]),
        # ... and the review of those fixes: real signs that a first version hid
        (
            "I haven't been able to pee since last night, the queue at A&E is massive",
            [("urine_retention", "emergency")],
        ),
        ("Is this serious, both legs have gone numb and weak since this morning", [("both_legs", "emergency")]),
        ("Is it serious, havent peed since last night", [("urine_retention", "emergency")]),
        ("Can feel nothing below the waist at the back, numb bum, is that serious", [("saddle_numbness", "emergency")]),
        ("A heavy box fell on my back at work", [("trauma", "emergency")]),
        ("my phone fell down the stairs and I fell all the way down after it", [("trauma", "emergency")]),
        ("The lump on my arm was a cyst and now there's a hard lump growing on my spine", [("back_lump", "urgent")]),
        (
            "on the long coach trip I noticed my bum and genitals were numb, 2 days on and still nothing",
            [("saddle_numbness", "emergency")],
        ),
        # session 28: a fourteenth blind suite's classes (dialect, old-fashioned and learner's English), in other words
        ("lost all feeling in my seat and on the inner sides of my thighs", [("saddle_numbness", "emergency")]),
        ("my bum dey numb since morning", [("saddle_numbness", "emergency")]),
        ("my legs feel like nothing from the knees down", [("both_legs", "emergency")]),
        ("di pain a go roun inna mi chest", [("chest_pain", "emergency")]),
        ("mi cyaan ketch mi breath an mi back a hurt", [("chest_pain", "emergency")]),
        ("a sair tight pain across ma chest", [("chest_pain", "emergency")]),
        ("I swooned in the shower this morning and my back is in spasm", [("aaa", "emergency")]),
        ("came to on the kitchen floor an hour ago, back in spasm", [("aaa", "emergency")]),
        ("blacked out at the gym and my back's in spasm", [("aaa", "emergency")]),
        ("woke up with people standing over me, back in spasm", [("aaa", "emergency")]),
        ("I keep roastin then chitterin all night wi this back", [("fever", "urgent")]),
        ("I lose 5 kilo over the winter but I eat the same", [("weight_loss", "urgent")]),
        ("my belt is looser though I eat normally", [("weight_loss", "urgent")]),
        ("the ache is at its worst during the small hours", [("night_pain", "urgent")]),
        ("it is not in the slightest eased by lying down", [("night_pain", "urgent")]),
        ("a swellin come up ower ma backbone", [("back_lump", "urgent")]),
        ("there's a lump pon mi back", [("back_lump", "urgent")]),
        ("Age: 64, back spasms for a fortnight", [("age_onset", "urgent")]),
        ("in my sixty-eighth year and my back has just started to give me trouble", [("age_onset", "urgent")]),
        ("I have been prescribed prednisolone for two years", [("steroids", "urgent")]),
        ("I'm 60. My husband has had back trouble for years and now mine has started.", [("age_onset", "urgent")]),
        # ... and the review of those fixes: real signs that a first version hid
        ("tell me da truth, is it bad dat da bum is numb", [("saddle_numbness", "emergency")]),
        ("I'm 70. I've smoked for years and my back went for the first time on Monday", [("age_onset", "urgent")]),
        ("I'm 62. It's gone again today, the first back pain I've ever had", [("age_onset", "urgent")]),
        ("I dispense methotrexate at work, and I take it myself for my RA", [("immunosuppression", "urgent")]),
        ("What is chest pain going round to my back from?", [("chest_pain", "emergency")]),
        # ... and the wording it still found hidden, in other words
        ("there's a hard lump come up ower the top o ma back", [("back_lump", "urgent")]),
        ("me da is 81 and his back has only just started hurting", [("age_onset", "urgent")]),
        # session 29: a fifteenth blind suite's classes (dictation, typos, effects told), in other words
        ("I can't feel the warm water on my bum when I shower", [("saddle_numbness", "emergency")]),
        ("both me thighs are numb and tinglin", [("both_legs", "emergency")]),
        ("Collapsed this morning with my back, feel awful", [("aaa", "emergency")]),
        ("half a stone gone since the summer and I'm eating normally", [("weight_loss", "urgent")]),
        ("I was 11st at Easter and I'm not even trying to slim", [("weight_loss", "urgent")]),
        ("my trousers are swimming on me lately, back hurts", [("weight_loss", "urgent")]),
        ("had a melonoma taken off my arm two years ago", [("cancer_history", "urgent")]),
        # ... and a sign asked about in general, then owned without the "I"
        ("Generally speaking, is chest pain into the back bad? Started ten minutes ago", [("chest_pain", "emergency")]),
        ("Is a temperature of 39 with a back spasm bad? It's been that since Sunday", [("fever", "urgent")]),
        ("Can a spasm make it hard to pee? Had it since last night", [("urine_retention", "emergency")]),
        # ... and real signs a first version of those fixes hid
        ("In general my legs are numb and weak", [("both_legs", "emergency")]),
        ("I was giving a lesson on algebra when I collapsed with back pain", [("aaa", "emergency")]),
        ("I'm 71 and have been fit for as long as I can remember, now my back has gone", [("age_onset", "urgent")]),
        # session 30: a sixteenth blind suite's classes (lists, learners' English, a sign in passing), in other words
        ("the urine is coming out by itself, I can't stop it", [("bladder_bowel", "emergency")]),
        ("a strange numb feeling in the bit where you sit on a horse", [("saddle_numbness", "emergency")]),
        ("my legs - both of them - keep giving out on the stairs", [("both_legs", "emergency")]),
        ("2. sharp pain in the right side of my chest since lunch", [("chest_pain", "emergency")]),
        ("I lose weight, 5 kilos, and I eat normally", [("weight_loss", "urgent")]),
        ("had a malignant tumour taken out of my bowel in 2019", [("cancer_history", "urgent")]),
        ("Constant backache, day and night, whatever I do", [("night_pain", "urgent")]),
        ("Fifteen, first time my back has ever done this", [("age_onset", "urgent")]),
        ("teen here, my back has been sore for a week", [("age_onset", "urgent")]),
        ("a swelling popped up last week just to the right of my spine", [("back_lump", "urgent")]),
        ("Orapred 5 mg daily for my arthritis", [("steroids", "urgent")]),
        ("on predni zone tablets since the spring for my lungs", [("steroids", "urgent")]),
        # ... and the review of those fixes: wording still missed, and real signs a first version hid
        ("the wee comes out on it's own, my back's in spasm", [("bladder_bowel", "emergency")]),
        ("my legs both gave way on the stairs this morning", [("both_legs", "emergency")]),
        ("pain in left side of my chest since my back went", [("chest_pain", "emergency")]),
        ("constant pain night and day since the spasm started", [("night_pain", "urgent")]),
        ("18 - first time my back has ever gone like this", [("age_onset", "urgent")]),
        ("70 years young, never had back trouble till now", [("age_onset", "urgent")]),
        ("there's a lump on the right-hand side of my spine", [("back_lump", "urgent")]),
        ("I'm 62 and my back started hurting last week, the pain comes and goes", [("age_onset", "urgent")]),
        ("I'm 16, I play football twice a month, and my back started hurting last week", [("age_onset", "urgent")]),
        ("my GP gave me a lecture about my fever and I've got back pain", [("fever", "urgent")]),
        ("I stock shelves on prednisolone every night, been on it 3 years", [("steroids", "urgent")]),
        ("I take methotrexate and saw an ad for Enbrel on TV", [("immunosuppression", "urgent")]),
        ("the pain is worse at night and my husband's snoring keeps me up too", [("night_pain", "urgent")]),
        # ... and the fifteenth review's hidden signs, in other words
        ("both me legs keep goin numb since the spasm", [("both_legs", "emergency")]),
        ("can't feel the sponge down below in the bath", [("saddle_numbness", "emergency")]),
        ("Odd one, not peed since teatime yesterday, is it the back?", [("urine_retention", "emergency")]),
        # session 31: a seventeenth blind suite's classes (dialect, text-speak, dictation, a sign by its effect)
        ("wet ma troosers on the bus, never felt it coming", [("bladder_bowel", "emergency")]),
        ("been on the loo ages and can't get my pee started", [("urine_retention", "emergency")]),
        ("neither of my legs will hold me on the stairs", [("both_legs", "emergency")]),
        (
            "can't get a whole sentence out without pausing for breath, my back is spasming",
            [("chest_pain", "emergency")],
        ),
        ("took a savage thump to the back from a cricket bat", [("trauma", "emergency")]),
        ("I was at my sister's wedding and fell off the stage, about 6 feet", [("trauma", "emergency")]),
        ("awful ache in me belly going straight through to me back", [("aaa", "emergency")]),
        ("temp is 39,2 and my back is in spasm", [("fever", "urgent")]),
        ("temperature thirty-eight point five since this morning", [("fever", "urgent")]),
        ("spasm in my back since my bowel cancer, on hormone pills now", [("cancer_history", "urgent")]),
        ("still on hormone therapy for breast cancer and my back's gone", [("cancer_history", "urgent")]),
        ("come bedtime it's agony, can't get comfy", [("night_pain", "urgent")]),
        ("hurts the same lying flat as walking", [("night_pain", "urgent")]),
        ("a lump's come up on me back near the spasm", [("back_lump", "urgent")]),
        ("my spine has a new curve in it, my top sits wrong", [("back_lump", "urgent")]),
        ("using daily and injecting, back's in spasm", [("iv_drugs", "urgent")]),
        # session 32: an eighteenth blind suite's classes (non-native English, hedged, clinical words, for a partner)
        ("sorry, embarrassing, two accidents (wee) since the spasm started", [("bladder_bowel", "emergency")]),
        ("my back went, and both legs are without strength since", [("both_legs", "emergency")]),
        ("the spasm is bad and both legs do feel numb", [("both_legs", "emergency")]),
        ("back locked, and I was stood at the urinal ten minutes and couldn't go", [("urine_retention", "emergency")]),
        ("history: breast ca in 2015, now my back is in spasm", [("cancer_history", "urgent")]),
        ("my wifes back has been in spasm and she's lost a lot of weight without trying", [("weight_loss", "urgent")]),
        ("partner has had lumbar pain since Friday and now he can't feel his legs", [("both_legs", "emergency")]),
        ("mi chest a hurt mi from last night an mi back inna spasm", [("chest_pain", "emergency")]),  # patois
        # session 33: a nineteenth blind suite's classes (spelling slips, regional English, ages in words)
        ("my back has been in spazm and I wet mysefl last night", [("bladder_bowel", "emergency")]),
        ("I had a car acident on tuesday and my back is agony", [("trauma", "emergency")]),
        ("I have a fevor and my back is in spasm", [("fever", "urgent")]),
        ("both legs are tinglng since the spasm", [("both_legs", "emergency")]),
        ("she went to the loo on herself this morning, her back's been bad all week", [("bladder_bowel", "emergency")]),
        ("I can hardly squeeze a few drops out since my back locked", [("urine_retention", "emergency")]),
        ("an ache in my tummy which spreads through to my back came on all of a sudden", [("aaa", "emergency")]),
        ("seventy-three years old, never had back pain until this week", [("age_onset", "urgent")]),
        ("my age is 64 and this is my first back spasm", [("age_onset", "urgent")]),
        # ... and real signs the review's first version hid
        ("even though I'm 78 I'm very active, but this back pain began on Monday", [("age_onset", "urgent")]),
        # ... and real signs a first version of those fixes hid
        (
            "numb around my bum since Monday, the GP asked about fevers and I've had neither",
            [("saddle_numbness", "emergency")],
        ),
        ("both legs tingling and weak, arm strength normal though", [("both_legs", "emergency")]),
        (
            "I'm classed as immunocompromised after my transplant, should I worry about this back spasm?",
            [("immunosuppression", "urgent")],
        ),
        (
            "was walking the dog and collapsed with crushing chest pain, back in spasm",
            [("aaa", "emergency"), ("chest_pain", "emergency")],
        ),
        (
            "I'm a nurse and check for fevers every shift, and now I've got one myself, back aching",
            [("fever", "urgent")],
        ),
        # ... and real signs a first version of those fixes hid
        ("Today a car crash on the motorway left me with back spasms", [("trauma", "emergency")]),
        ("I'm 16, how do I stop my back from getting these spasms", [("age_onset", "urgent")]),
        (
            "My 13 year old has had back spasms since Monday, how do we stop him getting more?",
            [("age_onset", "urgent")],
        ),
        ("the needle exchange nurse said to mention it as I inject, my back's in spasm", [("iv_drugs", "urgent")]),
        # session 34: the twentieth suite's classes, in other words
        ("history: PMH: prostate ca 2015, back pain for a week", [("cancer_history", "urgent")]),
        ("back aching, meds: pred 10mg every morning, inhalers", [("steroids", "urgent")]),
        ("I still put smack in my arm most weekends and my back is in agony", [("iv_drugs", "urgent")]),
        ("Asking for my dad (81), his back started hurting last week, never had it before", [("age_onset", "urgent")]),
        ("Seventy-two. First bad back of my life, since Tuesday.", [("age_onset", "urgent")]),
        ("My abuela is 80 and it's the first time her back has ever hurt like this", [("age_onset", "urgent")]),
        # session 35: the twenty-first suite's classes, in other words
        ("Lumbar spasm, c/o perianal paraesthesia since this morning", [("saddle_numbness", "emergency")]),
        ("my daughter's back is bad and she's running a raging temperature tonight", [("fever", "urgent")]),
        ("been on smack again, slamming it, and my back is killing me", [("iv_drugs", "urgent")]),
        ("my back locked and then I weed and got totally soaked, couldn't stop it", [("bladder_bowel", "emergency")]),
        ("got my free bus pass and it's the first time my back has ever gone like this", [("age_onset", "urgent")]),
        # session 36: the twenty-second suite's classes, in other words
        ("my waist don catch me since Monday and I no fit control my bowels again", [("bladder_bowel", "emergency")]),
        (
            "my grandad wets his lungi at night without knowing, and his back is in spasm",
            [("bladder_bowel", "emergency")],
        ),
        (
            "I dashed for the toilet but just didn't make it, first time ever, back still tight",
            [("bladder_bowel", "emergency")],
        ),
        ("Post-op nurse, LBP x4/7, now bilat lower limb numbness", [("both_legs", "emergency")]),
        ("since Sunday my calves on both sides feel numb and my back is in spasm", [("both_legs", "emergency")]),
        ("my back dey pain me and my bodi dey hot since yesterday", [("fever", "urgent")]),
        ("I've been on Omnacortil 10mg for two years and now my back has gone", [("steroids", "urgent")]),
        ("Physio here asking about my mum: LBP with spasm, hx Ca breast 2015", [("cancer_history", "urgent")]),
        ("My mother is having back muscle pain and she has become very thin lately", [("weight_loss", "urgent")]),
        ("my back's gone and both legs feel like they are made of lead", [("both_legs", "emergency")]),
        (
            "My dad (81) has been laid up with back pain all week and now he can't feel his legs",
            [("both_legs", "emergency")],
        ),
        # session 37: the twenty-third suite's misses, in other words
        ("my waist dey pain me and I no fit control my toilet since morning", [("bladder_bowel", "emergency")]),
        ("back spasm, and the wee is just leaking out by itself", [("bladder_bowel", "emergency")]),
        ("since my back went, my two legs are not strong anymore", [("both_legs", "emergency")]),
        ("lower back in spasm, both legs feel like cotton when I stand", [("both_legs", "emergency")]),
        ("my backside and the parts in between have gone tingly since the spasm", [("saddle_numbness", "emergency")]),
        ("back aching and I've thinned down a lot this year for no reason", [("weight_loss", "urgent")]),
        ("the pain is more in the night time, rest is not reducing it", [("night_pain", "urgent")]),
        ("my back's got a new bulge halfway down it", [("back_lump", "urgent")]),
        (
            "My mother, 72, has had a back spasm since gardening and now she has chest pain and can't catch her breath",
            [("age_onset", "urgent"), ("chest_pain", "emergency")],
        ),
        # session 38: the twenty-fourth suite's misses, in other words
        (
            "he's stood at the urinal ages and just can't get started, his back's in spasm",
            [("urine_retention", "emergency")],
        ),
        ("back went and my bum and the inner thighs went to sleep on the loo", [("saddle_numbness", "emergency")]),
        ("my nan tumbled down a whole flight of stairs, her spine is in spasm", [("trauma", "emergency")]),
        ("he bounced off every step on the way down and his back is agony", [("trauma", "emergency")]),
        ("back spasms, and an unexplained wt loss of 5 kg since summer", [("weight_loss", "urgent")]),
        ("Grandad's 81, never once had a sore back in his life, now it keeps seizing up", [("age_onset", "urgent")]),
        # session 39: the twenty-fifth suite's misses, in other words
        ("back's in spasm and my son checked my temp, it read 38.9", [("fever", "urgent")]),
        ("back spasms and I feel proper hot and shivery tonight", [("fever", "urgent")]),
        ("my back seized and my wee keeps refusing to come", [("urine_retention", "emergency")]),
        ("I'm 4 kg less since August and my back keeps going into spasm", [("weight_loss", "urgent")]),
        ("dropped from 12 stone to 10 since summer without dieting, and my back aches", [("weight_loss", "urgent")]),
        (
            "Seventy-two years old, worked on the docks all my life and never a bad back till this week",
            [("age_onset", "urgent")],
        ),
        ("there's a swelling at the side of my spine that's come up this month", [("back_lump", "urgent")]),
        ("when I lay down the ache in my back just gets worse", [("night_pain", "urgent")]),
        ("even lying perfectly still the pain is unbearable", [("night_pain", "urgent")]),
        ("my papa back dey pain am well well and now the pain don reach im chest", [("chest_pain", "emergency")]),
        # ... and signs that the first rules for them hid (found in review)
        ("I had a hot water bottle on my back all night and the thermometer says 39.2C", [("fever", "urgent")]),
        ("I inject heroin into my veins and I'm diabetic so on insulin as well", [("iv_drugs", "urgent")]),
        (
            "Is it normal to leak urine with a back spasm? Mine's not a leak, more a dribble I can't stop",
            [("bladder_bowel", "emergency")],
        ),
        (
            "My back's been fine for 10 years then yesterday it went and this morning I lost control of my bladder",
            [("bladder_bowel", "emergency")],
        ),
        (
            "sharp chest pain and can't breathe since this morning, had it before and it turned out to be anxiety",
            [("chest_pain", "emergency")],
        ),
        ("I'm 68, I play golf every summer and never had a bad back till last week", [("age_onset", "urgent")]),
        ("screaming agony wakes me up every night, lower back and into my hip", [("night_pain", "urgent")]),
        (
            "Lost a stone and a half in 6 weeks without trying, which is weird as I normally gain weight so easily",
            [("weight_loss", "urgent")],
        ),
        # ... and signs that the first rules for them hid (found in review)
        ("back locked since monday - why are both legs numb now??", [("both_legs", "emergency")]),
        (
            "My husband doesn't know if the back spasm is serious, but he's wet himself twice today",
            [("bladder_bowel", "emergency")],
        ),
        (
            "Had to drive her to A&E at 3am, back spasm so bad she couldn't stand and she's wet herself",
            [("bladder_bowel", "emergency")],
        ),
        ("I fell off the roof, just bruises, back in spasm", [("trauma", "emergency")]),
        ("I had a car crash a year ago and another one an hour ago, back in agony", [("trauma", "emergency")]),
        (
            "My 16yo and I both have back spasms and I've lost 2 stone without trying",
            [("age_onset", "urgent"), ("weight_loss", "urgent")],
        ),
        # session 40: the twenty-sixth suite's misses, in other words
        (
            "meri kamar jakdi hai aur kal raat pajama mein peshab nikal gaya, pata nahi chala",
            [("bladder_bowel", "emergency")],
        ),
        ("tengo spasm en la espalda and no siento nada en la entrepierna", [("saddle_numbness", "emergency")]),
        (
            "my upper back's cramping and it's spread round the front and right into my chest",
            [("chest_pain", "emergency")],
        ),
        ("I was puffed even sitting on the couch and my back is in spasm", [("chest_pain", "emergency")]),
        ("got completely flattened by a prop in the scrum and my back's gone", [("trauma", "emergency")]),
        ("slipped on black ice on the drive, my back's in spasm now", [("trauma", "emergency")]),
        ("went down heavily on my tailbone at the ice rink and it's agony", [("trauma", "emergency")]),
        (
            "my belt is now on the smallest notch and I've not changed what I eat, back keeps seizing",
            [("weight_loss", "urgent")],
        ),
        ("yes, a melanoma cut off my shoulder in 2019, and now back spasms", [("cancer_history", "urgent")]),
        ("the GP asked if I'd had cancer and I said yes, bowel cancer in 2018", [("cancer_history", "urgent")]),
        ("raat mein pain zyada ho jaata hai, back spasm hai", [("night_pain", "urgent")]),
        ("a new swelling on one side of my spine since last month", [("back_lump", "urgent")]),
        ("I'm 71 and had a healthy back my whole life until this spring", [("age_onset", "urgent")]),
        ("not going to lie I've been shooting up again and my back's in spasm", [("iv_drugs", "urgent")]),
        ("on the pred for my arthritis since 2020 and my back spasms", [("steroids", "urgent")]),
        # ... and signs that the first rules for them hid (found in review)
        ("I can't wee without the pain, nothing has come out for 15 hours", [("urine_retention", "emergency")]),
        ("Came off my motorbike on Tuesday, road rash all cleared up, back still in spasm", [("trauma", "emergency")]),
        ("My cold all cleared up weeks ago and now I'm waking up drenched in sweat every night", [("fever", "urgent")]),
        ("I take prednisolone daily for my RA and my brown inhaler is a steroid one as well", [("steroids", "urgent")]),
        ("Aged 69, my back's been fine since I was a young postman, now suddenly seized up", [("age_onset", "urgent")]),
        (
            "the GP asked if I'd lost weight and I said yes, nearly two stone without trying",
            [("weight_loss", "urgent")],
        ),
        # session 40: the twenty-seventh suite's misses, in other words
        ("masakit likod ko, hindi ako makaihi simula kaninang umaga", [("urine_retention", "emergency")]),
        ("belakang sakit, nak kencing pun tak keluar since pagi", [("urine_retention", "emergency")]),
        ("kamar mein dard hai aur private parts sunn ho gaye hain", [("saddle_numbness", "emergency")]),
        ("my daughter got bucked off her pony and her lower back's in spasm", [("trauma", "emergency")]),
        ("I hit the deck hard on my tailbone at the rink", [("trauma", "emergency")]),
        (
            "For my husband: he finished his lung cancer treatment in May, back spasm since Friday",
            [("cancer_history", "urgent")],
        ),
        ("each night the back pain gets worse and lying down also no help", [("night_pain", "urgent")]),
        ("lying still does literally nothing for the pain", [("night_pain", "urgent")]),
        ("found a lump on Mrs K's lower back while helping her dress", [("back_lump", "urgent")]),
        ("my spine has a new hunch to it this year", [("back_lump", "urgent")]),
        # ... and signs that the first rules for them hid (found in review)
        ("My bladder feels full but I can't pee, it's like it has nowhere to go", [("urine_retention", "emergency")]),
        ("My calf has gone numb and weak in both legs", [("both_legs", "emergency")]),
        ("When will the numbness in both legs go away? Back spasm since Friday", [("both_legs", "emergency")]),
        # session 41: the twenty-eighth suite's misses, in other words
        ("I keep drenching my pants and don't notice it happening", [("bladder_bowel", "emergency")]),
        ("namamanhid yung puwit ko since kahapon", [("saddle_numbness", "emergency")]),
        ("the ache is radiating anteriorly to my chest", [("chest_pain", "emergency")]),
        ("flew off me bike on the roundabout and landed on my back", [("trauma", "emergency")]),
        ("my forehead is burning to the touch and I'm shivering", [("fever", "urgent")]),
        ("I was treated for breast cancer in 2019, now back spasm", [("cancer_history", "urgent")]),
        ("I've had surgery for a lung tumour", [("cancer_history", "urgent")]),
        ("I had an operation for bowel cancer two years ago", [("cancer_history", "urgent")]),
        ("the pain builds as I rest in bed", [("night_pain", "urgent")]),
        ("there's a puffy swollen patch near my spine", [("back_lump", "urgent")]),
        ("am 61, back spasm since monday", [("age_onset", "urgent")]),
        ("I'm a former IV user", [("iv_drugs", "urgent")]),
        # ... and signs that the first rules for them hid (found in review)
        ("got hit by a car in the movie theater parking lot last night", [("trauma", "emergency")]),
        ("Had a nasty fall in the show jumping on Saturday and my lower back is agony", [("trauma", "emergency")]),
        # session 42: the twenty-ninth suite's misses, in other words
        ("from yesterday I cannot control my motions at all", [("bladder_bowel", "emergency")]),
        ("it's gone dead around my backside since this morning", [("saddle_numbness", "emergency")]),
        ("numb and kind of dead between my thighs", [("saddle_numbness", "emergency")]),
        ("went down so hard on my bum on the wet floor", [("trauma", "emergency")]),
        ("had a nasty slip down the garden steps last night", [("trauma", "emergency")]),
        ("my tummy hurts and I went all faint in the kitchen", [("aaa", "emergency")]),
        ("my weight has reduced by 5 kg and I'm not dieting", [("weight_loss", "urgent")]),
        ("I've lost for kilos and I'm eating like normal", [("weight_loss", "urgent")]),
        ("there's a lump directly over the bone in my lower back", [("back_lump", "urgent")]),
        ("my husband says my back looks as if it's tilting to one side", [("back_lump", "urgent")]),
        # a sitting only likened to ("as if I'd sat on a bench for hours") explains no numbness
        (
            "my backside feels numb, as if I'd sat on a bench for hours, but I've been up all day",
            [("saddle_numbness", "emergency")],
        ),
        ("my bum and bits have gone numb since yesterday", [("saddle_numbness", "emergency")]),
        # ... and signs that the first rules for them hid (found in review)
        (
            "Is it bad if both legs go numb with a bad back? Just curious. Mine went numb an hour ago.",
            [("both_legs", "emergency")],
        ),
        ("When does back pain with a fever mean A&E? Just curious, temp is 39.2 and rising.", [("fever", "urgent")]),
        (
            "My dad is getting no back pain relief from the tramadol and now he can't pee at all",
            [("urine_retention", "emergency")],
        ),
        ("My husband had no back pain until Monday and now he can't pee", [("urine_retention", "emergency")]),
        ("my test for HIV came back positive last month and my back is agony", [("immunosuppression", "urgent")]),
        (
            "the nurses on the transplant ward told me to watch for infection, back is sore",
            [("immunosuppression", "urgent")],
        ),
        ("unable to control loose motions for 3 days and severe back ache", [("bladder_bowel", "emergency")]),
        # the thirtieth suite's misses, in other words
        ("I didn't realise I'd wet myself until I stood up, back spasm since Monday", [("bladder_bowel", "emergency")]),
        (
            "my husband's back is in spasm, his bladder feels ready to burst but he can't go",
            [("urine_retention", "emergency")],
        ),
        ("Writing for my Ammi, both her legs have gone weak since yesterday", [("both_legs", "emergency")]),
        (
            "My father's back has been in spasm for weeks. Abbu has lost a lot of weight without trying",
            [("weight_loss", "urgent")],
        ),
        ("there's a pounding, like my heartbeat, in my belly and my back hurts", [("aaa", "emergency")]),
        ("my pulse is thumping in my stomach. My back is in spasm too", [("aaa", "emergency")]),
        ("I came over rather faint with the back pain", [("aaa", "emergency")]),
        ("Bowel cancer - treated in 2021. Back spasms now.", [("cancer_history", "urgent")]),
        ("I get woken by a dull ache in my back every night", [("night_pain", "urgent")]),
        ("once I'm lying down the pain flares right up", [("night_pain", "urgent")]),
        ("my back spasms are bad and I'm woken in the early hours by the pain", [("night_pain", "urgent")]),
        (
            "the GP told me to watch for numbness in both legs, which I've had since yesterday",
            [("both_legs", "emergency")],
        ),
        ("the GP said look out for numbness in both legs. I do now, since this morning", [("both_legs", "emergency")]),
        (
            "The nurse said watch out for loss of bladder control. I don't have any control over it since last night.",
            [("bladder_bowel", "emergency")],
        ),
        (
            "Is it normal to wet yourself with back spasm? Mine's normal now, it happened 2 hours ago",
            [("bladder_bowel", "emergency")],
        ),
        (
            "the physio told me to watch for saddle numbness. I don't have any feeling down there",
            [("saddle_numbness", "emergency")],
        ),
        ("I fainted after my run and now the back pain is tearing and won't stop", [("aaa", "emergency")]),
        (
            "Told to keep an eye out for chest pain. I don't have any of that, only when I climb stairs it squeezes.",
            [("chest_pain", "emergency")],
        ),
        (
            "My bum and groin are numb, feels like every time after a long bike ride, but I haven't cycled in years.",
            [("saddle_numbness", "emergency")],
        ),
        ("Couldn't pee till I got a catheter in, my back is in spasm", [("urine_retention", "emergency")]),
        # the thirty-first suite's misses, in other words
        (
            "my back went on Monday and now I can't control when I go toilet, it just comes",
            [("bladder_bowel", "emergency")],
        ),
        ("been bursting for a pee for ages and I can't go, back in spasm", [("urine_retention", "emergency")]),
        ("there's a pulsatile lump in my belly and my back is agony", [("aaa", "emergency")]),
        ("the thermometer says I've got a fever and my back is in spasm", [("fever", "urgent")]),
        ("I sometimes use with needles, back spasm since the weekend", [("iv_drugs", "urgent")]),
        ("I inject myself with heroin most days, back's in bits", [("iv_drugs", "urgent")]),
        ("been on the gear, jagging it most nights, and my back's in spasm", [("iv_drugs", "urgent")]),
        ("fine in the day but at night it's agony, back spasm for weeks", [("night_pain", "urgent")]),
        ("Writing for my Nani. Ammi says both her legs have gone numb since morning.", [("both_legs", "emergency")]),
        (
            "Writing for my Ammi. Abbu says her back pain wakes her up every night and nothing helps.",
            [("night_pain", "urgent")],
        ),
        (
            "I had bowel cancer in 2019. Gossip is a cancer in our team and my back is in spasm",
            [("cancer_history", "urgent")],
        ),
        ("my saddle area went numb on the ride and it hasn't worn off, back spasm", [("saddle_numbness", "emergency")]),
        # the thirty-second suite's misses, in other words
        ("my back's in spasm and I can hardly feel the loo seat under me", [("saddle_numbness", "emergency")]),
        ("mi back hurt, it get worse when mi lie down", [("night_pain", "urgent")]),
        ("she gets up every night because of the pain in her back", [("night_pain", "urgent")]),
        ("the ache in my lower back is so bad lying in bed that I sleep in the chair", [("night_pain", "urgent")]),
        ("I've got a lump like a pea under the skin on my spine and back spasms", [("back_lump", "urgent")]),
        (
            "back spasm, and there's a thing like a grape beneath my skin low down on my spine",
            [("back_lump", "urgent")],
        ),
        ("my mum who is 81 never had back trouble and suddenly it's in spasm", [("age_onset", "urgent")]),
        ("my boyfriend uses and injects, now his back hurts", [("iv_drugs", "urgent")]),
        ("I slipped on the stairs and fell and didn't hit my head, my back is agony", [("trauma", "emergency")]),
        ("I'm dancing like I have a fever and my temperature is 39, back spasm", [("fever", "urgent")]),
        # ... and the review's probes of them, that must stay flags
        (
            "there's a pain like a burn on the left side of my chest and my back is in spasm",
            [("chest_pain", "emergency")],
        ),
        (
            "I slipped on the ice and smacked my tailbone on the kerb but didn't fall over, it's agony",
            [("trauma", "emergency")],
        ),
        (
            "I thought I'd wet myself and not felt a thing, turns out I had, the whole bed",
            [("bladder_bowel", "emergency")],
        ),
        (
            "My back always flares in the fall, I mean the autumn. Yesterday I was rear-ended at a junction",
            [("trauma", "emergency")],
        ),
        (
            "Slipped on the ice on Monday and the pain in my lower back still hasn't gone down",
            [("trauma", "emergency")],
        ),
        # the thirty-third suite's misses, in other words
        ("back spasm since Monday, I want to pee but it not coming, only drops", [("urine_retention", "emergency")]),
        ("my back went on Friday and I haven't really had a wee since breakfast", [("urine_retention", "emergency")]),
        ("lumbar spasm and a deadness in my perineum since this morning", [("saddle_numbness", "emergency")]),
        ("mi back tight and mi cyaan feel mi batty at all", [("saddle_numbness", "emergency")]),
        ("me bum and the tops of me legs on the inside are dead as a doornail", [("saddle_numbness", "emergency")]),
        ("back is doing spasm and my chest is paining me since morning", [("chest_pain", "emergency")]),
        ("a car hit me side on at the roundabout yesterday, back in spasm", [("trauma", "emergency")]),
        ("I went flying over the handlebars on Sunday and my back is agony", [("trauma", "emergency")]),
        ("my body is hot with fever since last night and my back is in spasm", [("fever", "urgent")]),
        ("I've gone down two stone since spring without trying, back aches", [("weight_loss", "urgent")]),
        ("if I lie down to sleep the pain does not ease at all, back spasm", [("night_pain", "urgent")]),
        ("Retired joiner, 66 now, and never had back trouble till last week", [("age_onset", "urgent")]),
        ("I sometimes inject on top of the methadone and my back is in spasm", [("iv_drugs", "urgent")]),
        (
            "I'm in the midst of chemotherapy and my back keeps spasming",
            [("immunosuppression", "urgent"), ("cancer_history", "urgent")],
        ),
        ("Mi espalda hurts and there's a lump pon mi spine that's new", [("back_lump", "urgent")]),
        ("Mi son see a lump pon mi back, hard, never there before", [("back_lump", "urgent")]),
        # older suites' misses (the thirtieth's and thirty-first's), in other words
        ("my wife collapsed in the hall an hour ago and her back is agony", [("aaa", "emergency")]),
        ("back spasm and I'm having a hard time peeing since yesterday", [("urine_retention", "emergency")]),
        ("mon dos me fait mal, my groin is engourdi since this morning", [("saddle_numbness", "emergency")]),
        # the thirty-fourth suite's misses, in other words
        ("back's in spasm and I haven't had a real pee since lunchtime", [("urine_retention", "emergency")]),
        ("I got throwed off the quad bike Friday and my back is in spasm", [("trauma", "emergency")]),
        ("the horse reared and I landed squarely on my back, spasms since", [("trauma", "emergency")]),
        ("the prop lifted me and dumped me on my back onto the pitch, back spasm", [("trauma", "emergency")]),
        ("I had a huge hit at footy on the weekend and my back keeps seizing", [("trauma", "emergency")]),
        ("my husband checked my temp and it was 38.9, back spasm since Monday", [("fever", "urgent")]),
        ("I've dropped near two stone this year without trying, back aches", [("weight_loss", "urgent")]),
        ("I had prostrate cancer in 2019 and now my back is spasming", [("cancer_history", "urgent")]),
        ("back spasm that's not eased even by full bed rest for a week", [("night_pain", "urgent")]),
        ("I inject ice most weekends and my back has been cramping", [("iv_drugs", "urgent")]),
        ("Former smoker, IV user, back spasms for a week", [("iv_drugs", "urgent")]),
        ("I'm back on the needle and my lower back is in spasm", [("iv_drugs", "urgent")]),
        # the thirty-fifth suite's misses, in other words
        ("this afternoon pee come in my pants and I not feel it, back spasm", [("bladder_bowel", "emergency")]),
        ("tingling in both inner thighs since this morning, back spasm", [("saddle_numbness", "emergency")]),
        ("my sciatica nerve feels numb on both sides, back in spasm", [("both_legs", "emergency")]),
        ("both mi leg dem feel weak from this morning, back a hurt", [("both_legs", "emergency")]),
        ("they watch an aneurysm on my aorta and now my back hurts terribly", [("aaa", "emergency")]),
        ("I rest all day, the pain does not let up, back spasm", [("night_pain", "urgent")]),
        ("Rested for a whole week in bed, no change at all to my back", [("night_pain", "urgent")]),
        ("In my lower back is a new lump, hard, it came last month", [("back_lump", "urgent")]),
        ("I use drug with needles at weekends and my back hurts", [("iv_drugs", "urgent")]),
        ("On Encorton every day for two years for my lungs, back spasm now", [("steroids", "urgent")]),
        ("I'm HIV+ and my back has been in spasm all week", [("immunosuppression", "urgent")]),
        # ... and the third review's probes, that must stay flags
        ("Had a fever last week, all gone now, but tonight 39.5 and shaking, back pain", [("fever", "urgent")]),
        ("I've got a fever and chills with my back pain, the rash is all gone now", [("fever", "urgent")]),
        (
            "I was on methotrexate, stopped in 2016, restarted it last month and now back pain",
            [("immunosuppression", "urgent")],
        ),
        # ... and the review's probes of them, that must stay flags
        ("I'm 61, vegetarian since I was 30, never had back trouble till this week", [("age_onset", "urgent")]),
        ("I'm Lola, 34, sudden chest pain and tight chest since this morning", [("chest_pain", "emergency")]),
        (
            "Had my microdiscectomy, felt totally fine after, now both my legs are going numb",
            [("both_legs", "emergency")],
        ),
        # the review's finds: a home named by whose it is, and a sign the speaker shares
        ("Was at my mum's when the chest pain started, really crushing", [("chest_pain", "emergency")]),
        ("I was round my nonna's yesterday and got crushing chest pain", [("chest_pain", "emergency")]),
        ("My dad has chest pain and so do I, back spasm too", [("chest_pain", "emergency")]),
        ("my husband can't pee and me too, since last night", [("urine_retention", "emergency")]),
        ("My mum has chest pain and so do I.", [("chest_pain", "emergency")]),
        # ... and the review's probes of them, that must stay flags
        ("Temp this morning 36.5, ok, then tonight 39.2 and rigors, back spasm", [("fever", "urgent")]),
        (
            "Writing for my dad. His back went into spasm yesterday and he can't pee. Mi back is fine, I'm worried.",
            [("urine_retention", "emergency")],
        ),
        # the thirty-sixth suite's misses, in other words (session 46)
        ("Since last night I am passing stool on myself and I don't feel it", [("bladder_bowel", "emergency")]),
        ("I go to the loo every ten minutes but can only force out a few drips", [("urine_retention", "emergency")]),
        ("My backside and groin feel like rubber, my back is in spasm", [("saddle_numbness", "emergency")]),
        (
            "The part you'd sit on a horse saddle with is numb since the spasm started",
            [("saddle_numbness", "emergency")],
        ),
        ("There's a kind of dead sensation around my bum since the spasm", [("saddle_numbness", "emergency")]),
        ("Back spasm, and my dresses are loose though I'm eating as usual", [("weight_loss", "urgent")]),
        ("Her skirts have got looser though she eats as usual, back spasm", [("weight_loss", "urgent")]),
        ("My belt is done up three notches tighter since the summer and my back hurts", [("weight_loss", "urgent")]),
        ("I had non-Hodgkin lymphoma ten years ago, now my back is in spasm", [("cancer_history", "urgent")]),
        ("Back pain all week, and the small hours are the worst.", [("night_pain", "urgent")]),
        ("No let-up from the pain lying in bed, back spasm for a week", [("night_pain", "urgent")]),
        ("At night the back pain gets stronger and I can't sleep", [("night_pain", "urgent")]),
        ("When I lie down for sleep, the pain is not easing at all", [("night_pain", "urgent")]),
        ("There's a swelling on my back operation scar and my back is in spasm", [("back_lump", "urgent")]),
        ("A lump along the scar keeps getting bigger since my back surgery", [("back_lump", "urgent")]),
        ("I still inject, mostly heroin, and my back is in spasm", [("iv_drugs", "urgent")]),
        ("On the brown, injecting most days, back's locked up", [("iv_drugs", "urgent")]),
        ("I have a small triple A that the vascular team watch, and my back hurts", [("aaa", "emergency")]),
        ("My bum is numb, it's not numb from sitting, it came on with the spasm", [("saddle_numbness", "emergency")]),
        ("My sister has a temperature and so do I, my back hurts", [("fever", "urgent")]),
        ("I've been staying at my mum's since Sunday and can't pee at all", [("urine_retention", "emergency")]),
        # ... and the review's probes of them, that must stay flags
        ("Got chest pain and it is serious I think", [("chest_pain", "emergency")]),
        ("Chest pain is something to watch for, and I have it right now", [("chest_pain", "emergency")]),
        ("My bum is not just numb, it's totally dead", [("saddle_numbness", "emergency")]),
        ("My groin is not numb but tingly since the spasm", [("saddle_numbness", "emergency")]),
        ("Slept on my 15 year old mattress, now can't pee since this morning", [("urine_retention", "emergency")]),
        (
            "My bum has been numb for two days and the spasm comes back within minutes",
            [("saddle_numbness", "emergency")],
        ),
        ("I'm on azathioprine, repeat bloods were fine", [("immunosuppression", "urgent")]),
        ("Fever a week ago, today 39 again", [("fever", "urgent")]),
        ("I had the flu two weeks ago and the temperature is back, 39 today", [("fever", "urgent")]),
        # ... and the second review's
        ("My groin was never numb before, but it is now since the spasm", [("saddle_numbness", "emergency")]),
        ("My bum isn't numb, more like pins and needles all round it", [("saddle_numbness", "emergency")]),
        ("Chest pain is one to watch for and mine won't go away since this morning", [("chest_pain", "emergency")]),
        ("I have chest pain and sweats that might be serious", [("chest_pain", "emergency"), ("fever", "urgent")]),
        (
            "Chest pain and breathlessness are warning signs, and I've had both since lunch",
            [("chest_pain", "emergency")],
        ),
        ("My 8 year old has had a temperature and now I've got one too", [("fever", "urgent")]),
        (
            "Numb between my legs, it comes back in a few minutes every time I get up",
            [("saddle_numbness", "emergency")],
        ),
        ("I have a 4cm AAA and my back suddenly hurts", [("aaa", "emergency")]),
        ("I'm living with an AAA and now sudden tearing back pain", [("aaa", "emergency")]),
        # the thirty-seventh suite's misses, in other words (session 46)
        ("Ten minutes at the loo and I managed one measly drip, back in spasm", [("urine_retention", "emergency")]),
        ("Since yesterday my flow has practically stopped, back spasm too", [("urine_retention", "emergency")]),
        ("There's tanmeel around my bottom since the spasm", [("saddle_numbness", "emergency")]),
        ("Tingling (like ants) around my groin since this morning", [("saddle_numbness", "emergency")]),
        ("Both legs feel like they belong to somebody else since my back went", [("both_legs", "emergency")]),
        ("Numb from the knees down in both legs after the spasm", [("both_legs", "emergency")]),
        ("Teen din se bukhar hai aur kamar mein spasm", [("fever", "urgent")]),
        ("Schudłem pięć kilo bez diety, and my back is in spasm", [("weight_loss", "urgent")]),
        ("I'm down 6 kilos this month without trying, back spasm", [("weight_loss", "urgent")]),
        ("I'm on the last notch of my belt now, used to be the middle one, back aches", [("weight_loss", "urgent")]),
        ("It hurts nonstop even when resting flat, back spasm for two weeks", [("night_pain", "urgent")]),
        ("El dolor de la espalda me despierta cada noche", [("night_pain", "urgent")]),
        ("My back wakes me at 3am and nothing (heat, pills, the sofa) makes it ease", [("night_pain", "urgent")]),
        ("I use heroin IV, back spasm this week", [("iv_drugs", "urgent")]),
        ("Been slamming (injecting) again, back hurts", [("iv_drugs", "urgent")]),
        ("My spleen was taken out after a car crash years ago, back spasm now", [("immunosuppression", "urgent")]),
        ("Mahina ang immune system ko and my back is in spasm", [("immunosuppression", "urgent")]),
        (
            "In case it's relevant, I had bowel cancer five years ago, now my back is in spasm",
            [("cancer_history", "urgent")],
        ),
        # ... and the review's probes of them, that must stay flags
        (
            "Didn't fall or anything (just sneezed) lost control of my bladder this morning",
            [("bladder_bowel", "emergency")],
        ),
        ("I was admitted with chest pain as an emergency last night", [("chest_pain", "emergency")]),
        ("Should pain that isn't eased by rest worry you? Mine isn't eased by anything", [("night_pain", "urgent")]),
        ("Can't pee into the bottle they gave me at A&E, bladder feels full", [("urine_retention", "emergency")]),
        ("I've lost 10 kilos in 2 months without trying, I weigh in at 55kg now", [("weight_loss", "urgent")]),
        ("In case I didn't mention it, I can't pee since last night", [("urine_retention", "emergency")]),
        # suite 38's misses, in other words: dictated words, a correction, a reply that names both legs
        ("Since my back went I've been wedding myself, I can't help it", [("bladder_bowel", "emergency")]),
        ("My privates have gone nun since yesterday and my back is in spasm", [("saddle_numbness", "emergency")]),
        ("To be clear, it's not my foot that's numb, it's my groin and my bottom.", [("saddle_numbness", "emergency")]),
        ("Yes, both legs. Both feel weak and wobbly when I stand", [("both_legs", "emergency")]),
        ("Sorry, I meant both legs. They're both numb below the knee", [("both_legs", "emergency")]),
        ("I had a melon oma cut out in 2019 and my back aches now", [("cancer_history", "urgent")]),
        # suite 39's misses, in other words
        ("nothing happens even though I'm bursting, back spasm 2 days", [("urine_retention", "emergency")]),
        (
            "There's a numb patch about the size of a coin on each inner thigh since this morning",
            [("saddle_numbness", "emergency")],
        ),
        ("I can't feel anything 'down below' at all since last night", [("saddle_numbness", "emergency")]),
        ("Doctor will ask about legs: yes, both are weak and wobbly since yesterday", [("both_legs", "emergency")]),
        ("Got kicked by a cow straight in the lower back this morning", [("trauma", "emergency")]),
        (
            "A van went into us doing about 50mph, the ambulance crew said I was fine but my back is agony",
            [("trauma", "emergency")],
        ),
        ("back spasm and I'm at 100.9°F with the shakes", [("fever", "urgent")]),
        ("Sweating buckets then the next minute my teeth are chattering", [("fever", "urgent")]),
        ("Dropped from 14 st 2 lb to 12 st 10 lb without trying, back aches", [("weight_loss", "urgent")]),
        ("Quick background, bowel cancer, had surgery in 2019, back aching now", [("cancer_history", "urgent")]),
        ("I'm on a script but using on top, injecting, and my back is killing me", [("iv_drugs", "urgent")]),
        ("Resting, lying flat, nothing helps it at all", [("night_pain", "urgent")]),
        ("Lying in bed makes my back worse, so I sleep in a chair", [("night_pain", "urgent")]),
        ("Rest doesn't reduce it one bit, lying down is the same", [("night_pain", "urgent")]),
        (
            "It feels like someone tore something inside me, from my stomach right through to my back",
            [("aaa", "emergency")],
        ),
        # older suites' misses, in other words
        ("Does back pain come from it when u shoot up? Asking for myself", [("iv_drugs", "urgent")]),
        ("16, in year 11, my back started hurting last week", [("age_onset", "urgent")]),
        ("The two legs, left one and right one, are weak and numb since yesterday", [("both_legs", "emergency")]),
        ("Two lads landed on top of me at training and my back is agony", [("trauma", "emergency")]),
        ("Down about half a stone in a few weeks without trying, back aching", [("weight_loss", "urgent")]),
        ("Since yesterday I not feel my private parts", [("saddle_numbness", "emergency")]),
        ("My body is hot but I am cold at the same time, back very painful", [("fever", "urgent")]),
        ("Lying flat in bed is agony, I sleep in a chair now", [("night_pain", "urgent")]),
        # ... and the review's probes of them, that must stay flags
        ("I'm immunosuppressed after my kidney transplant, I catch every bug", [("immunosuppression", "urgent")]),
        (
            "Both my legs are weak and numb, my bowels were funny but they're back to normal now",
            [("both_legs", "emergency")],
        ),
        (
            "There's a new lump on my spine, my wife says it's a harmless lipoma but it's growing",
            [("back_lump", "urgent")],
        ),
        (
            "My bum went numb after sitting on the toilet this morning and it still hasn't come back",
            [("saddle_numbness", "emergency")],
        ),
        ("The NHS page says to keep moving, but I can't pee since last night", [("urine_retention", "emergency")]),
        ("When should numb legs be seen? Both went numb an hour ago", [("both_legs", "emergency")]),
        # the fortieth suite's misses, in other words
        (
            "My wife's waist has been paining her for days and today she wet herself without knowing",
            [("bladder_bowel", "emergency")],
        ),
        ("Since the birth I can't get a wee started and only get a dribble", [("urine_retention", "emergency")]),
        (
            "Auntie aged 50 suddenly had very bad pain in back this morning and then she fainted in the kitchen",
            [("aaa", "emergency")],
        ),
        ("Ma mither went grey an keeled ower wi the pain in her back", [("aaa", "emergency")]),
        ("In the night it gets so severe, and I'm walking round the house at 4am", [("night_pain", "urgent")]),
        ("Resting flat is not giving me any relief at all, my back is constant", [("night_pain", "urgent")]),
        ("There's a squishy bit on the left side of my back that wasn't there last month", [("back_lump", "urgent")]),
        # ... and probes of its look-alikes, that must stay flags
        (
            "Two years ago I couldn't pee after an op, fine ever since, but since last night I can't pee again",
            [("urine_retention", "emergency")],
        ),
        (
            "I had a catheter three years ago that sorted itself out. Since yesterday I can't pee at all.",
            [("urine_retention", "emergency")],
        ),
        ("Last year I wet myself once and it hasn't gone away since", [("bladder_bowel", "emergency")]),
        ("Since last year I can't pee properly and it's been fine ever since", [("urine_retention", "emergency")]),
        ("I have HIV and was on methotrexate years ago but stopped in 2015", [("immunosuppression", "urgent")]),
        ("I'm breathless with excitement and I have crushing chest pain", [("chest_pain", "emergency")]),
        # a fresh-eyes review's probes of the past episode told as over, and of a carer's own waist
        (
            "I can't pee at all today, two years ago the same happened and it cleared up",
            [("urine_retention", "emergency")],
        ),
        (
            "Two years ago I lost bladder control and it's still happening. The sciatica wore off though.",
            [("bladder_bowel", "emergency")],
        ),
        (
            "Last year my bladder control went after the spasm and it's gone since then, I have to wear pads",
            [("bladder_bowel", "emergency")],
        ),
        ("Chest pain since the start of last year and nothing makes it go away", [("chest_pain", "emergency")]),
        (
            "The numbness around my bum started last year and it has not really gone away",
            [("saddle_numbness", "emergency")],
        ),
        (
            "I started losing weight without trying last year. My mood has been fine ever since I started sertraline.",
            [("weight_loss", "urgent")],
        ),
        (
            "My dad's back is agony and he can't pee since this morning. My own waist is aching from lifting him.",
            [("urine_retention", "emergency")],
        ),
        # the forty-first suite's misses, in other words
        ("he says his legs have both gone numb, back is agony", [("both_legs", "emergency")]),
        ("she got kicked in the spine by a cow this morning and it's getting worse", [("trauma", "emergency")]),
        ("He's saying he can't feel anything when he wipes, the back is killing", [("saddle_numbness", "emergency")]),
        ("She hasn't managed to pass water since lunch, her back's in spasm", [("urine_retention", "emergency")]),
        ("i cant get my weee started since last night", [("urine_retention", "emergency")]),
        ("his jeans are falling off him and he's not dieting, back's aching", [("weight_loss", "urgent")]),
        ("I've been soiling my underpants without noticing since Monday", [("bladder_bowel", "emergency")]),
        # ... and probes of its look-alikes, that must stay flags
        ("I have a fever now, had covid last month, all gone now", [("fever", "urgent")]),
        ("my phone fell and I took a serious fall down the stairs trying to catch it", [("trauma", "emergency")]),
        ("both legs like jelly and numb since this morning after spin class", [("both_legs", "emergency")]),
        # a second fresh-eyes review's probes, that must stay flags
        ("Carrying the shopping had a nasty fall on the ice, back is agony", [("trauma", "emergency")]),
        ("I've got a fever with the flu and it's over 39 tonight, back is agony", [("fever", "urgent")]),
        ("I had a fever with a cold but it is gone, now night sweats and shaking every night", [("fever", "urgent")]),
        (
            "Both legs like jelly after spin class and still like that 2 days later, keep collapsing",
            [("both_legs", "emergency")],
        ),
        ("He says his son has a fever and his back hurts", [("fever", "urgent")]),
        # the forty-second suite's misses, in other words
        ("lower back gone, and now I can't we at all since lunch", [("urine_retention", "emergency")]),
        ("Went for a pee - nothing. Back in spasm since yesterday", [("urine_retention", "emergency")]),
        ('Gran says she has no feeling "down there" since her back flared up', [("saddle_numbness", "emergency")]),
        ("tingling all round my privets since the spasm started", [("saddle_numbness", "emergency")]),
        ("my bum feels like it doesn't belong to me, kind of dead since yesterday", [("saddle_numbness", "emergency")]),
        ("My bottom, around the back passage, it is numb since my back went", [("saddle_numbness", "emergency")]),
        ("Back ache for a week, and years ago I had a mela noma removed", [("cancer_history", "urgent")]),
        ("In my lower back we notice a new lump, he says it's sore", [("back_lump", "urgent")]),
        ("Pred since March for my lungs. Back spasm now", [("steroids", "urgent")]),
        ("My back\u2019s agony and I can\u2019t pee since last night", [("urine_retention", "emergency")]),
        ("I\u2019m 70 and my back started hurting last week", [("age_onset", "urgent")]),
        # the forty-third suite's misses, in other words
        ("been at the dunny for ages and nothing'll come out, back's killing me", [("urine_retention", "emergency")]),
        (
            "Since this morning I can't pass a single drop, and my lower back has seized",
            [("urine_retention", "emergency")],
        ),
        ("my back went yesterday and noo both me legs are aal weak and tingly", [("both_legs", "emergency")]),
        ("gone down a jean size since summer without trying, back aches", [("weight_loss", "urgent")]),
        ("Kidney removed for cancer 4 years ago, back spasms now", [("cancer_history", "urgent")]),
        ("most nights the back pain worse, cannot lie still at all", [("night_pain", "urgent")]),
        ("still jaggin up most days, back's been murder this week", [("iv_drugs", "urgent")]),
        # the forty-fourth suite's misses, in other words
        ("Me madda back seize up Tuesday and now she cyaan pass water since lunch", [("urine_retention", "emergency")]),
        ("cannot get me wee started today, back's in bits", [("urine_retention", "emergency")]),
        (
            "Writing this for me gran. 'Er back's locked and 'er legs 'ave both gone weak since lunch",
            [("both_legs", "emergency")],
        ),
        ("pyrexic since this morning with my back spasms", [("fever", "urgent")]),
        ("OT student, found a new lump paravertebral at about T10, back spasming", [("back_lump", "urgent")]),
        (
            "Typing for my dad. He's on methotrexate for his arthritis, back went on Friday",
            [("immunosuppression", "urgent")],
        ),
        (
            "My nan had cancer of the bowel a few years ago and her back has been in spasm all week",
            [("cancer_history", "urgent")],
        ),
        # ... and what its review found: a sign told after hearsay, "me" for my, no feeling when wiping
        ("I heard something about it and I'm worried, I can't pee", [("urine_retention", "emergency")]),
        ("I read about cauda equina and now I can't feel between my legs", [("saddle_numbness", "emergency")]),
        (
            "I read about prednisolone, I've been on it for 2 years for my chest, back spasm now",
            [("steroids", "urgent")],
        ),
        ("I read about back pain and fever, mine is 39.1 tonight", [("fever", "urgent")]),
        ("I can't feel me feet and me back is in spasm", [("both_legs", "emergency")]),
        ("I've got no feeling when I wipe and my back has gone", [("saddle_numbness", "emergency")]),
        # ... and its probes of the new readings, that must stay flags
        ("Someone please help, can't pee since yesterday, back in agony", [("urine_retention", "emergency")]),
        ("Someone fell on me at rugby and my back went", [("trauma", "emergency")]),
        ("my son back from uni today, I can't pee since this morning", [("urine_retention", "emergency")]),
        # the forty-fifth suite's misses, in other words
        (
            "Support worker here. Mrs K, who I care for, has had back spasms since Friday and since lunchtime"
            " she keeps wetting herself without noticing",
            [("bladder_bowel", "emergency")],
        ),
        (
            "Coach here. One of my lads has had a bad back since Saturday and since this morning he's been"
            " straining to pee and only gets a trickle",
            [("urine_retention", "emergency")],
        ),
        ("both my legs suddenly numb, back locked up", [("both_legs", "emergency")]),
        ("dob: 1958, first ever back pain started on Monday", [("age_onset", "urgent")]),
        ("born in '59, and my back hurt for the first time this week", [("age_onset", "urgent")]),
        (
            "The nurse asked if I'd had any numbness down below. I said yes, since yesterday.",
            [("saddle_numbness", "emergency")],
        ),
        ("had 38.9 last night and my back is in spasm", [("fever", "urgent")]),
        # ... and its review's probes of the new readings, that must stay flags
        ("I dreamt that my legs were numb and I woke up and they actually were numb", [("both_legs", "emergency")]),
        ("I rang the GP and asked about getting seen as I've lost bladder control", [("bladder_bowel", "emergency")]),
        ("Dreamt I was falling, woke up and couldn't feel my legs", [("both_legs", "emergency")]),
        (
            "I'm a 62 year old man and can't pee since yesterday",
            [("age_onset", "urgent"), ("urine_retention", "emergency")],
        ),
        ("Alright lads, can't pee since yesterday and my back's gone", [("urine_retention", "emergency")]),
        ("I can't pee in private either, it just won't come, since this morning", [("urine_retention", "emergency")]),
        ("My car crash video is on the local news, happened yesterday, back agony", [("trauma", "emergency")]),
        # the forty-sixth suite's misses, in other words
        ("lying flat is worse than sitting up, my back's been in spasm all week", [("night_pain", "urgent")]),
        ("can't feal my legs, both of them gone numb since lunch", [("both_legs", "emergency")]),
        ("bad landing on my skydive this morning, back's in bits", [("trauma", "emergency")]),
        ("Shop assistant, collapsed on the shop floor with sudden back pain", [("aaa", "emergency")]),
        ("half a stone under my usual weight without trying, back aching", [("weight_loss", "urgent")]),
        (
            "Basal cell carcinoma removed from my nose 2 years ago, back pain for a month",
            [("cancer_history", "urgent")],
        ),
        ("We are both 72 and my wife's back went for the first time on Monday", [("age_onset", "urgent")]),
        ("relapsed and injected at the weekend, back's been agony since", [("iv_drugs", "urgent")]),
        # the forty-seventh suite's misses, in other words
        ("had a few accidents in my trousers today, back's been in spasm", [("bladder_bowel", "emergency")]),
        ("Kamar mein dard hai aur kal raat se peshab nahi aa raha", [("urine_retention", "emergency")]),
        ("Mi drop off di ladder Tuesday, land pon mi back hard", [("trauma", "emergency")]),
        ("I get cancer for my breast before, now my back dey pain me", [("cancer_history", "urgent")]),
        ("Raat ko kamar mein bahut dard badh jata hai, spasm bhi", [("night_pain", "urgent")]),
        ("losin weight since summer and no trying, back's sore", [("weight_loss", "urgent")]),
        ("a hard new bump on my mid-back since last week", [("back_lump", "urgent")]),
        # the forty-eighth suite's misses, in other words
        ("My waterworks have stopped completely since the lumbago started", [("urine_retention", "emergency")]),
        ("I can't squeeze a wee out however long I wait, back spasm since Friday", [("urine_retention", "emergency")]),
        ("my legs have both started giving way since my back locked up", [("both_legs", "emergency")]),
        ("every breath knifes me in the chest since my back spasm started", [("chest_pain", "emergency")]),
        ("I'm puffed just walking to the car, and my upper back is in spasm", [("chest_pain", "emergency")]),
        ("the pony bolted at the gate and threw me, back in spasm since", [("trauma", "emergency")]),
        ("I took a tumble down the last three stairs, back in spasm", [("trauma", "emergency")]),
        ("landed bum-first on the concrete, back's in spasm", [("trauma", "emergency")]),
        ("it's going right through into my belly, worst back pain ever", [("aaa", "emergency")]),
        ("down to 60 kilos now without even trying, back aching", [("weight_loss", "urgent")]),
        ("had a growth taken out of my bowel in 2015, back spasm now", [("cancer_history", "urgent")]),
        ("finished treatment for bowl cancer last year and my back is in spasm", [("cancer_history", "urgent")]),
        ("lying flat in bed gives no relief at all, back spasm", [("night_pain", "urgent")]),
        ("my back is worse at knight, can't get comfy", [("night_pain", "urgent")]),
        ("a lump the size of an egg on the left side of my lower back", [("back_lump", "urgent")]),
        ("staying at a friend's in Leeds, using needles again, back sore from his sofa", [("iv_drugs", "urgent")]),
        ("I take metho trex ate weekly for psoriasis and my back is in spasm", [("immunosuppression", "urgent")]),
        # ... and a fresh-eyes review's probes of its look-alikes, that must stay flags
        ("Revising for exams: can't pee since lunch, is that bad?", [("urine_retention", "emergency")]),
        ("Revising for exams: both legs numb, is that bad?", [("both_legs", "emergency")]),
        (
            "Exam tomorrow: cant pee and legs numb, help?",
            [("urine_retention", "emergency"), ("both_legs", "emergency")],
        ),
        ("Coursework deadline: husband can't pee and his back is in spasm, A&E?", [("urine_retention", "emergency")]),
        (
            "My husband's back went this morning, worse than my last spasm, and now he can't pee.",
            [("urine_retention", "emergency")],
        ),
        ("I had a fever last week, it all went, but now it's back at 39.", [("fever", "urgent")]),
        ("Lump on my spine, physio says knots, but it's getting bigger.", [("back_lump", "urgent")]),
        ("Mainlining coffee and heroin lately, back is agony.", [("iv_drugs", "urgent")]),
        ("My teenager is off school, she's in agony, can barely walk.", [("age_onset", "urgent")]),
        # the forty-ninth suite's misses, in other words
        (
            "- back locked since Sunday\n- 🚽 accidents x2 this morning, didn't feel them",
            [("bladder_bowel", "emergency")],
        ),
        (
            "Following the onset of lumbar spasm I have experienced involuntary leakage of urine on two occasions.",
            [("bladder_bowel", "emergency")],
        ),
        ("I have to push really hard just to get a dribble out since my back went", [("urine_retention", "emergency")]),
        (
            "My back's in spasm and my groin and inner thighs, is numb, I can't feel them properly",
            [("saddle_numbness", "emergency")],
        ),
        ("Since my lumbar spasm I have numbness affecting both lower limbs.", [("both_legs", "emergency")]),
        ("back spasm and 🦵🦵 gone numb since lunch", [("both_legs", "emergency")]),
        ("Masakit ang likod ko at sakit sa dibdib ko since kanina", [("chest_pain", "emergency")]),
        ("Hirap akong huminga and my back is in spasm", [("chest_pain", "emergency")]),
        ("Got knocked off my moped by a taxi, back spasming since", [("trauma", "emergency")]),
        ("Went straight over the handlebars this morning, back is in spasm", [("trauma", "emergency")]),
        ("I've a terrible temperature on me and my back is in spasm", [("fever", "urgent")]),
        ("Mam gorączkę i dreszcze, back spasm od wczoraj", [("fever", "urgent")]),
        ("An unexplained reduction in weight of some eight kilograms, and lumbar spasms.", [("weight_loss", "urgent")]),
        ("May history ko ng breast cancer, now back spasm for 2 weeks", [("cancer_history", "urgent")]),
        ("Found a lump 😬 on my spine yesterday, back spasm too", [("back_lump", "urgent")]),
        ("We been shootin up again and my back is killing me", [("iv_drugs", "urgent")]),
        ("💉 user here, back spasm for a week", [("iv_drugs", "urgent")]),
        # ... and a fresh-eyes review's probes of its look-alikes, that must stay flags
        ("The GP said go to A&E if I can't pee, and I can't since last night", [("urine_retention", "emergency")]),
        ("The leaflet says come back if you can't pee - that's me now", [("urine_retention", "emergency")]),
        (
            "Advice please - should I get seen urgently if I can't pee since last night?",
            [("urine_retention", "emergency")],
        ),
        ("Most times if I stand up both my legs go numb", [("both_legs", "emergency")]),
        ("Came off my motorbike on Sunday, my back feels like I got hit by a bus", [("trauma", "emergency")]),
        (
            "Haven't peed since yesterday morning and I'm worried, normally my waterworks are fine",
            [("urine_retention", "emergency")],
        ),
        (
            "A few years ago I lost control of my bladder, all fine since. It happened again last night",
            [("bladder_bowel", "emergency")],
        ),
        (
            "The doctor asked me again if I'd lost control of my bladder, I have, twice",
            [("bladder_bowel", "emergency")],
        ),
        ("The GP said to come back if I got a fever, my temperature is 39.4 today", [("fever", "urgent")]),
        # the fiftieth suite's misses, in other words
        (
            "Dad's carers say he's been found soaked in bed three mornings running since his back went",
            [("bladder_bowel", "emergency")],
        ),
        ("Since Sunday I am failing to pass urine and my back is in spasm", [("urine_retention", "emergency")]),
        ("I get the urge to wee but nothing happens, back locked since yesterday", [("urine_retention", "emergency")]),
        (
            "The nurses say she doesn't flinch at all when they wipe her bottom since her back went",
            [("saddle_numbness", "emergency")],
        ),
        ("the area round my bum and inside thigh numb numb since this morning", [("saddle_numbness", "emergency")]),
        ("Our boda crashed into a car this morning, back spasming now", [("trauma", "emergency")]),
        ("dropped from 70 to 64 kilos since summer and I haven't been dieting, back sore", [("weight_loss", "urgent")]),
        ("Rest also doesn't help, back spasm for weeks", [("night_pain", "urgent")]),
        # the fifty-first suite's miss of a message written for someone, in other words
        (
            "I write for my dad, he is a lorry driver. Back spasm since Monday and today both his legs are numb",
            [("both_legs", "emergency")],
        ),
        # the fifty-first suite's other misses, in other words
        (
            "Since Friday I have back spasm, and my buttocks and the skin round the anus, they are like asleep",
            [("saddle_numbness", "emergency")],
        ),
        (
            "A van drove right into the back of him at the lights and now his back is in spasm",
            [("trauma", "emergency")],
        ),
        ("Back went suddenly, tearing right through to my belly", [("aaa", "emergency")]),
        ("Asking for my wife, she has bowel cancer and her back has gone into spasm", [("cancer_history", "urgent")]),
        ("I'm a survivor of breast cancer, back spasms lately", [("cancer_history", "urgent")]),
        ("Each night it goes proper bad, back spasm for two weeks", [("night_pain", "urgent")]),
        ("no position in bed eases it, back spasm", [("night_pain", "urgent")]),
        ("the ache doesn't ease at all while resting", [("night_pain", "urgent")]),
        ("even lying perfectly still it's the same awful pain", [("night_pain", "urgent")]),
        ("a swelling on one side of my spine that I've never noticed before", [("back_lump", "urgent")]),
        ("Hiya, 61 and never had a bad back before this week", [("age_onset", "urgent")]),
        ("I shot up a couple of times over Christmas and my back hurts now", [("iv_drugs", "urgent")]),
        # the fifty-second suite's misses, in other words
        ("mi wake up today and di sheets wet, mi back a spasm since Sunday", [("bladder_bowel", "emergency")]),
        ("both mih leg dem feeling numb since de spasm start", [("both_legs", "emergency")]),
        ("back in spasm and both lefs gone numb", [("both_legs", "emergency")]),
        ("I can't breathe good since this morning and my back is in spasm", [("chest_pain", "emergency")]),
        ("Slipped off the step and hit the pavement so hard with my back, now spasming", [("trauma", "emergency")]),
        ("Mi get lick off mi bike by a van, now mi back a spasm", [("trauma", "emergency")]),
        ("I am in treatment for bowel cancer, back spasm since Friday", [("cancer_history", "urgent")]),
        ("Mi back hurt worse when dark come, spasm since last week", [("night_pain", "urgent")]),
        ("rest or walk about, it nah ease likkle bit, back spasm all week", [("night_pain", "urgent")]),
        ("ek new gaanth aa gayi hai near my spine, back spasm bhi hai", [("back_lump", "urgent")]),
        ("Never had a bad back, first time in my 68 years, spasm since Monday", [("age_onset", "urgent")]),
        ("Grandad here, 81 now, never had back trouble before this week", [("age_onset", "urgent")]),
        ("Mi is 16 and mi back start spasm last week, first time", [("age_onset", "urgent")]),
        (
            "back spasm   since   monday .  i   had   bowel cancer   in 2018",
            [("cancer_history", "urgent")],
        ),
        # the fifty-third suite's misses, in other words
        (
            "since the spasm started I can't get a wee started at all, tried for ages",
            [("urine_retention", "emergency")],
        ),
        ("Last proper pee was 16 hours ago and my back is locked", [("urine_retention", "emergency")]),
        ("my back passage and round it, feels like I've been to the dentist, numb", [("saddle_numbness", "emergency")]),
        ("My dance partner dropped me and I landed back first on the stage, spasms now", [("trauma", "emergency")]),
        ("Breast cancer, stage 3, treated 2017. Back aching for weeks.", [("cancer_history", "urgent")]),
        ("I have a slow growing prostate cancer they are watching, back spasms now", [("cancer_history", "urgent")]),
        ("back is most pain in the night, cannot sleep", [("night_pain", "urgent")]),
        ("I lie down whatever way and still the same pain, back spasm for two weeks", [("night_pain", "urgent")]),
        ("Asking for my dad, his spine has a new bend in it and his back spasms", [("back_lump", "urgent")]),
        ("my left shoulder blade sticks out way more than it used to, and my back spasms", [("back_lump", "urgent")]),
        ("I am a retired nurse of 61 years and never had a bad back till this week", [("age_onset", "urgent")]),
        ("back\nspasm\nsince\nfriday\ncant\nwee", [("urine_retention", "emergency")]),
        # the fifty-fourth suite's misses, in other words
        (
            "back went on friday and this morning i past urine in my pants without feeling it",
            [("bladder_bowel", "emergency")],
        ),
        (
            "Went for a leak at the services and nothing came, back locked since Sunday",
            [("urine_retention", "emergency")],
        ),
        ("Each time I pass water it refuses to come, back spasm since Monday", [("urine_retention", "emergency")]),
        (
            "my bum and privates feel like I am sitting on frozen peas since the spasm",
            [("saddle_numbness", "emergency")],
        ),
        ("can't feel nothing round my bum since last night, back spasming", [("saddle_numbness", "emergency")]),
        ("both my legs just went, like they had given up on me, back spasm", [("both_legs", "emergency")]),
        ("my legs forgot how to hold me up this morning, back in spasm", [("both_legs", "emergency")]),
        ("worst ever pain in my back, like a knife going straight through to my tummy", [("aaa", "emergency")]),
        ("I did not try to get skinny, I'm just getting smaller, back spasm", [("weight_loss", "urgent")]),
        ("My breeks are hanging off me and I have no idea why, back sore", [("weight_loss", "urgent")]),
        ("my lung cancer, that I am still being treated for, back spasms now", [("cancer_history", "urgent")]),
        (
            "They gave me steroid pills for my bowel and I've been on them every day for two years, back spasm now",
            [("steroids", "urgent")],
        ),
        # the speaker's own cancer told with its course
        ("My melanoma has spread and now my back spasms", [("cancer_history", "urgent")]),
        ("my lymphoma came back last year, back aching", [("cancer_history", "urgent")]),
        # ... and a fresh-eyes review's probes of them, that must stay flags
        ("the doc asks me if my saddle area is numb, and it totally is", [("saddle_numbness", "emergency")]),
        (
            "Numb saddle since Tuesday, which is back when I get up from bed, it never properly goes",
            [("saddle_numbness", "emergency")],
        ),
        (
            "Last summer I couldn't pee for a day, no problems since. Same thing this morning",
            [("urine_retention", "emergency")],
        ),
        # ... and signs told after a job that sees them, or beside an old episode told over
        (
            "I'm a nurse, so I always ask about numbness down below; and now I have it myself, back spasm",
            [("saddle_numbness", "emergency")],
        ),
        ("I'm a chemo nurse and I had breast cancer last year, back spasm", [("cancer_history", "urgent")]),
        (
            "Two years ago I couldn't pee for a day, that's long sorted, but I can't pee again since yesterday",
            [("urine_retention", "emergency")],
        ),
        # ... and a fresh-eyes review's probes of them, that must stay flags
        (
            "I'm a paramedic so I see chest pain all the time but this is mine and it's crushing",
            [("chest_pain", "emergency")],
        ),
        ("My husband keeps asking if I've lost weight, which I have, nearly a stone", [("weight_loss", "urgent")]),
        ("He keeps asking me if I'm losing weight. I am, a stone in a month", [("weight_loss", "urgent")]),
        ("My daughter keeps asking if my legs are numb, they both are since last night", [("both_legs", "emergency")]),
        ("She keeps asking if I've got a temperature, it's 39.4", [("fever", "urgent")]),
        ("I keep asking if it's normal that I can't feel my bum when I wipe", [("saddle_numbness", "emergency")]),
        ("I gave a lecture on Monday with a fever of 39 and now my back is agony", [("fever", "urgent")]),
        ("Pain wakes me every night, started with a fall in 2019 that's long healed", [("night_pain", "urgent")]),
        ("My GP asked if I'm on steroids, I am, prednisolone for 5 years", [("steroids", "urgent")]),
        ("My partner keeps asking if I've been sleeping, the pain wakes me every night", [("night_pain", "urgent")]),
        ("Chest pain with a cold sweat, going through to my back", [("chest_pain", "emergency")]),
        (
            "I had breast cancer in 2019 and I've been cancer free for 3 years, now my back is agony",
            [("cancer_history", "urgent")],
        ),
        ("Had breast cancer in 2018 and my tumour markers have gone up again", [("cancer_history", "urgent")]),
        ("New hard lump on my spine, my wife thinks it's just muscle", [("back_lump", "urgent")]),
        (
            "I'm turning into the hunchback of notre dame, my spine's bent over more every month",
            [("back_lump", "urgent")],
        ),
        ("My GP gave me a lecture on injecting heroin again, my back is agony", [("iv_drugs", "urgent")]),
        ("My wife keeps asking if I'm ok since I wet myself in bed twice this week", [("bladder_bowel", "emergency")]),
        (
            "I'm cancer-free since my lymphoma was treated in 2016, back pain for 2 months",
            [("cancer_history", "urgent")],
        ),
        ("i had\t   breast cancer and my back hurts", [("cancer_history", "urgent")]),
        # ... and a fresh-eyes review's probes: a drop of urine is no drop of oil
        ("Can't pass a drop of urine since this morning", [("urine_retention", "emergency")]),
        ("can't pass a drop of water since last night, back agony", [("urine_retention", "emergency")]),
        # ... and a fresh-eyes review's probes of its look-alikes, that must stay flags
        (
            "Took a massive knock on bank holiday Monday at rugby, my back's been screaming since",
            [("trauma", "emergency")],
        ),
        ("I watched the driver who hit me drive off, my back is in bits", [("trauma", "emergency")]),
        (
            "When does back pain with chest pain count as an emergency? General question, I'm making a poster and mine"
            " is crushing.",
            [("chest_pain", "emergency")],
        ),
        (
            "When does back pain with chest pain count as an emergency? General question, I'm writing notes for my GP"
            " as I keep getting it.",
            [("chest_pain", "emergency")],
        ),
    ],
)
def test_red_flags(text: str, expected: list[tuple[str, str]]) -> None:
    assert flags(text) == expected


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a review of session 23's look-alikes: each of these real signs was dismissed by one of them at first
        ("I can't pee since last night, is that a red flag? I don't have any numbness though", "urine_retention"),
        ("Lost 2 stone without trying in 3 months, should I worry? I haven't had any other symptoms", "weight_loss"),
        ("Both legs are numb is that normal? I did not expect numb legs from a spasm", "both_legs"),
        ("Both legs numb, is this an emergency? Not meaning to overreact", "both_legs"),
        ("I have crushing chest pain and it's worse when I cough", "chest_pain"),
        ("My back is killing me, also can't pee since this morning, can you help?", "urine_retention"),
        ("like both legs just went numb??", "both_legs"),
        ("The GP told me to look out for numbness and now both legs are numb", "both_legs"),
        ("I read it could be serious but I can't pee at all since yesterday", "urine_retention"),
        ("Is chest pain serious because I've got it really bad right now", "chest_pain"),
        ("I passed out this morning and saw blood when I wiped", "aaa"),
        ("Both legs went numb and weak when I saw blood in the toilet", "both_legs"),
        ("Both my legs are tingling and sore after the gym", "both_legs"),
        ("Both legs weak, hurts with walking", "both_legs"),
        ("Walking the dog this morning now both legs numb", "both_legs"),
        ("Tripped over the cat fell down the stairs onto my back", "trauma"),
        ("PET scan showed cancer in the bones of the spine", "cancer_history"),
        ("I'm 76 and I'm 3 weeks into this back pain", "age_onset"),
        ("I've had a fever for months and night sweats", "fever"),
        ("Had the flu jab last week and now I have a fever and night sweats with this back pain", "fever"),
        ("I was in a car crash on Friday, the headache has cleared up but my back is agony", "trauma"),
        ("Had a kidney transplant, take tacrolimus, I see the physio at the transplant clinic", "immunosuppression"),
        ("I've been at the hospital waiting to see someone about chest pain all day", "chest_pain"),
        ("I've lost all feeling in my groin' area", "saddle_numbness"),
        # session 24: a look-alike that dismissed a whole sentence now touches only its own words
        ("he passed out on the sofa and went pale and sweaty with his back pain", "aaa"),
        ("there's been a total car crash on the motorway and I was in it", "trauma"),
        # session 24's review of the older look-alikes: a dismisser reaches back over what it explains, and forward
        # only within its clause
        ("It hurts too much to sit on a chair and my bum and genitals have gone numb", "saddle_numbness"),
        (
            "My back is agony when I cough and since this morning I've wet myself twice without noticing",
            "bladder_bowel",
        ),
        ("I usually get pins and needles that pass in a minute but now both legs have been numb all day", "both_legs"),
        ("I got home after my shift and both legs gave way and I fell", "both_legs"),
        ("Hurt my back moving a chest of drawers and now my chest feels tight and I'm short of breath", "chest_pain"),
        ("I fell off a ladder when I was at work today and landed on my back", "trauma"),
        ("The driver said I was fine but I was knocked off my bike and landed on my back", "trauma"),
        ("I had a car accident 10 years ago and yesterday I was rear-ended again", "trauma"),
        ("My back and stomach are in agony and I nearly passed out lol", "aaa"),
        ("I've taken painkillers but I still have severe pain in my back and stomach and I fainted", "aaa"),
        ("I have IBS but this is different, I fainted with a tearing pain in my back and stomach", "aaa"),
        ("I'd fully recovered from my back op but now I've got a fever and chills", "fever"),
        ("I'm going hot and cold out of nowhere and my back is agony", "fever"),
        ("I'm worried because my weight is dropping and I'm not eating any differently", "weight_loss"),
        (
            "I had breast cancer three years ago and my cancer nurse said I should get any back pain checked",
            "cancer_history",
        ),
        ("The painkillers wear off and the pain wakes me up every night", "night_pain"),
        ("Hi again, I'm 68 and my back started hurting for the first time last week", "age_onset"),
        ("I'm 16 and my back started hurting when I was in PE this morning", "age_onset"),
        ("I'm a type 1 diabetic and I've also been injecting heroin for a couple of years", "iv_drugs"),
        ("I get clean needles from the needle exchange on Mill Road because I inject speed", "iv_drugs"),
        ("I'm having chemo for lymphoma and my chemo nurse told me to ask about this back pain", "immunosuppression"),
        ("I was diagnosed with HIV after a routine HIV test last year", "immunosuppression"),
        ("I'm a nurse and I've been dealing with crushing chest pain all shift", "chest_pain"),
        ("I was in a head-on collision on Friday and my back is agony", "trauma"),
        ("a van went into the back of my car at the lights", "trauma"),
        # a sign told before the words that wonder, or said of oneself beside someone else
        ("I haven't had a wee since yesterday morning, I read that this could be serious", "urine_retention"),
        ("Can't pee since last night, should I go to A&E in case?", "urine_retention"),
        ("My husband says my legs keep giving way", "both_legs"),
        ("My mum said my temperature is 39.5", "fever"),
        ("Me and my wife both take methotrexate for our arthritis", "immunosuppression"),
        # negation that stops where a second thing begins
        ("No appetite and night sweats for weeks", "fever"),
        ("No pain just numbness around my bum and privates", "saddle_numbness"),
        ("Without warning I wet myself in the kitchen this morning", "bladder_bowel"),
        ("Never happened before and soiled myself today", "bladder_bowel"),
    ],
)
def test_a_look_alike_word_beside_a_real_sign_dismisses_nothing(text: str, flag: str) -> None:
    assert flag in [value for value, _ in flags(text)]


@pytest.mark.parametrize(
    "text",
    [
        "no numbness",
        "I don't have a fever",
        "my bladder is fine",
        "no fever or chills",
        "I haven't lost any weight",
        "no numbness around my bum and no trouble peeing",
        "I have never had cancer",
        "I'm not incontinent",
        "I didn't fall, it came on when I bent down",
        "my back hurts when I bend over",
        "I fell asleep on the sofa",
        "should I use hot and cold packs?",
        "I'm 35 and sporty",
        "I'm 3 weeks into this spasm",
        "I have sciatica down my left leg",
        "my mum had breast cancer",
        "there's a family history of cancer",
        "what does cauda equina mean?",
        "my kid's toy chest is heavy",
        "I lost weight on purpose",
        "can losing weight help stop back spasms",
        "no lumps, bumps or swelling on my back",
        "no pee or poo problems, no numbness",
        "the pain goes from my shoulder into my back",
        "I can't lift my feet to put my socks on",
        "I can't fully empty the dishwasher without pain",
        "I hit 15 reps on deadlifts and my back went",
        "my physio used needles on my back",
        "I had covid with a fever but I got over it fine",
        "I'm grand, nae fever",
        "I read online that losing control of your bladder is serious",
        "I almost wet myself laughing at the telly",
        "my backside went numb sitting in the stands all afternoon",
        "I'm a Cancer, star sign wise",
        "would losing weight take the strain off my back?",
        "my 4 year old climbed on my back and it went",
        "picked up my 2 year old and felt something go, now in spasm",
        "does chest pain mean a heart attack or is it normal with spasms?",
        "I've got World Cup fever",
        "should I worry if I can't feel my legs one day?",
        "my ex used to shoot up heroin, my back is just stiff",
        "the film nearly made me wet myself",
        "I can't get comfy in any position with this spasm",  # common with any spasm: no sign of night pain
        "both legs are wrecked after the parkrun and my back is tight",
        "my knees turned to jelly when I heard the news",
        "I got my covid booster and my back aches",
        "I'm a cleaner on the renal unit, lots of bending",
        "when is back pain an emergency? like both legs going numb? not me, touch wood",
        "I heard something about numbness between the legs being bad",
        "my puppy keeps having accidents, and I hurt my back cleaning up",
        "our cat is on prednisolone, my back went lifting the litter tray",
        "I'm a nurse and deal with both legs going numb every day on the spinal ward",
        "are night sweats a sign of something serious? not me, my back is just stiff",
        "can a heavy fall break your back? I didn't fall, I just bent over",
        "I read somewhere that numb legs are bad",
        "had the flu months back and it all cleared up, now my back is sore",
        "15, maybe 20 minutes of walking and my back seizes",
        "I'm 17 weeks pregnant and my back aches",
        "14, give or take",
        "I'm 15 min away from the hospital",
        "My upper back spasm hurts when I breathe in",
        "The bag dropped from 20 to 5 kg and my back went",
        "what does saddle numbness mean, I saw it on a leaflet",
        # session 24
        "I have 15 years of back pain behind me",
        "our week has been a bit of a car crash so far",
        "DIY fever hit and I pulled my back painting",
        "had a bug back in March, fine now, and my back went yesterday",
        "stiff and tight in both legs after a squat session",
        "a character on the telly had numbness around her bum",
        # session 25: the eleventh suite's look-alikes, in other words
        "Is it true that losing control of your bladder is serious? Mine is totally normal",
        "both legs sore after a 20-mile bike ride on Sunday",
        "tripped on the kerb and nearly went over but didn't fall, and now my back is stiff",
        "I used to take methotrexate but I've been off it for years",
        "my son is in year 11 and I've done my back in carrying his PE kit",
        "Is a fever common after a flu jab, had it today?",
        "I strain to get the water flowing in the garden hose, back sore",
        "Need to buy smaller trousers for my son, my back is sore",
        "my tomatoes are losing flesh, back aches from gardening",
        "We're in year 12 of this back problem",
        # look-alikes that still explain their sign away
        "Had the flu a month ago, fully better now",
        "I was in a car crash years ago but I recovered completely",
        "I sat on the loo scrolling for 40 minutes and now my bum is numb, went away as soon as I stood up",
        "I always leak a bit when I sneeze since having my kids",
        "no numbness and tingling anywhere",
        "my back hurts more at night but it eases once I get comfy",
        "I'm a cancer nurse and hurt my back lifting a patient",
        "my physio used acupuncture needles on my back",
        # session 26: the twelfth suite's look-alikes, in other words
        "I couldn't wee at the concert, the portaloo queue was enormous, now my back aches",
        "my bum went numb on a 3 hour bus ride, back's sore now",
        "the remote fell down the side of the chair and I twisted reaching for it",
        "I rolled off the couch watching telly and my back's stiff",
        "it's been a train wreck of a month and my back is in spasm",
        "the lump by my spine turned out to be a fatty lipoma",
        "had a temperature last week, totally fine now, back spasm today",
        "I'm a Cancer, so I worry about everything",
        "my cat is 16 and incontinent, back sore from cleaning up",
        # general questions without their "?"
        "is numbness in the legs a warning sign with back pain",
        "is it dangerous if back pain comes with a fever",
        "Can not being able to pee be caused by a back spasm?",
        # ... and safe messages a first version alarmed on
        "The spasms first hit me back in March",
        "I'm being driven into the ground by work and my back is in spasm from stress",
        "the hot water takes forever to come through in the morning",
        "my bottom lip has no feeling after the dentist",
        "it gets worse as soon as I go for a walk",
        "the snow fell 2 feet deep overnight and shovelling it set my back off",
        # session 27: the thirteenth suite's look-alikes, in other words
        "I was shivering in the snow waiting for a cab, back's tight now",
        "the crowd was at fever pitch and I jumped and my back went",
        "handing out leaflets all day, back sore",
        "hung blackout curtains and my back's in spasm",
        "slipped on the kitchen floor, got straight back up, back a bit stiff",
        "I retired from the police at 50 and my back's in spasm",
        "my dog's got a lump on his side, back aches from lifting him",
        "had a temperature last week, it's all gone now, back spasm today",
        "I'm 40 and my back hurts",
        # a general question, then a sentence that does not own the sign
        "Is chest pain an emergency? I've heard it is.",
        "Can steroid tablets cause back pain? My doctor wants to put me on them.",
        "can a spasm make you wet yourself? it happened to my nan",
        "does methotrexate make back pain worse? I don't take it, just wondering",
        "what are the warning signs like numb legs? mine are fine",
        # ... and safe messages a first version alarmed on
        "I'm 38.5 weeks pregnant and my back keeps spasming",
        "I've retired my old running shoes and my back hurts",
        "got my 💉 booster yesterday and my back is sore",
        "Can a lump on your back be cancer? I had it checked and it's just a cyst",
        "does chest pain mean a heart attack? I did a heavy deadlift session yesterday",
        "can a spasm make you wet yourself? that's my biggest fear",
        "I'm retired, 52, back spasms since I started golf",
        "I can't get a full breath of fresh air in this office, back spasm",
        "does methotrexate cause back pain? I'm starting it next month",
        "I'm suffocating in this heat, back spasm",
        "can a spasm make it hard to breathe? I'm fine right now, just asking",
        "I'm at 38.5 weeks and my back is in spasm",
        "Can you wet yourself from a spasm? I'm worried it could happen right now",
        # session 28: the fourteenth suite's look-alikes, in other words
        "my da can't pee since his operation and I hurt my back lifting him",
        "What is an aortic aneurysm, and how would I know if I had one?",
        # a back bad for years, told in another sentence than the age: the speaker's, or the person written for
        "I'm 66. My back has flared up on and off for twenty years.",
        "My mum is 80. Every few months her back goes into spasm, what helps?",
        # ... and look-alikes that a first version alarmed on
        "me ma wet herself at the bingo, my back's just stiff",
        "the physio says if I lose 10 kg my back will be better",
        "I want to lose 6 kilo this year and my back is sore",
        "back and tummy ache after a heavy workout, just muscle soreness",
        "my back support belt is loose and my back aches",
        "waited for ages - 6 hours in A&E with my back",
        "I've been prescribed dexamethasone today, starting tomorrow, back is sore",
        "the office is roasting then freezing all day and my back hates it",
        "I swoon at the smell of fresh bread, my back aches",
        "woke up with someone standing over me, it was my husband with a cup of tea; back sore",
        "my back aches during the small hours of my shift",
        # session 29: the fifteenth suite's look-alikes, in other words
        "I nearly passed out when the chiropractor quoted me his fee, back still sore",
        "I'm 90 kg and wondering how much paracetamol I can take",
        "I'm 74 and my back has played up for as long as I can remember, what helps a spasm?",
        "Generally speaking, is losing bladder control with back pain an emergency?",
        # ... and look-alikes a first version of those fixes alarmed on
        "Collapsed in a heap on the couch after work and my back is stiff",
        "Had to take a stone off the bar and my back still went on the deadlift",
        "I'm not dieting at all, I've put weight on since my back went",
        "both me legs aren't numb, it's only me back",
        # session 30: the sixteenth suite's look-alikes, and the tenth message set's, in other words
        "The traffic noise wakes me at 5, my back only hurts when I bend",
        "Saw an ad for Enbrel on TV, are biologics any use for a bad back?",
        "My grandad is 80 and he gets back spasms a few times a year after digging",
        "I'm a physio and I teach students about saddle anaesthesia, my own back is tight",
        "as a pharmacist I'm dispensing methotrexate all day long and my back aches",
        # ... and look-alikes a first version of those fixes alarmed on
        "the rayos x on my back showed nothing, still sore",
        "Predsol drops in my eye for uveitis, back spasm since Monday",
        "How do I lose weight, 10 kilos, with a bad back?",
        "I lose weight - 2 kg - every summer working outside, back sore",
        "Could I have a malignant tumour? the back pain won't go",
        "a burn on the left side of my chest from the oven, back stiff",
        "my legs, both of them, folded under me in yoga and my back got sore",
        "my baby bump pulls on the left side of my back",
        "the stool comes out on its own when I take laxatives, back stiff",
        "my foot goes numb in the spot where I sit at my desk",
        "I teach nurses about fever and night sweats, my own back is sore",
        "dispensing tacrolimus and methotrexate all day long, my back aches",
        "Teen-age babysitter here, ha, no I'm 35, the kids jump on my back",
        "19. Never again will I lift a sofa on my own, I'm 42 and my back is wrecked",
        # session 31: the seventeenth suite's look-alikes, in other words
        "what a car crash of a day it's been, the boss, the kids, and my back is in spasm now",
        "Saturday Night Fever on the radio, I danced and pulled my back",
        "how can we keep our 15 year old from getting back spasms when he starts rowing",
        "my grandma has bladder control problems and lifting her hurt my back",
        "I'm a needle exchange nurse and my back is sore from bending",
        "at my nephew's birthday party the kids jumped on me, back sore",
        "38,400 steps this week and my back is stiff",
        "nights are the worst for sleep when my back flares, any tips?",
        # session 32: the eighteenth suite's look-alikes, in other words
        "I'm a GP and we screen for saddle anaesthesia all day, but my own back has seized",
        "both my legs are sore from squats (DOMS), strength fine, lower back tight",
        "the nurse asked about fevers or night sweats and I've had neither, just a stiff back",
        "I'm a firefighter, I attend road crashes every shift, and my back has gone",
        "our cat collapses when she's frightened and picking her up hurt my back",
        "I had a steroid injection in my spine last year, is that considered long-term steroids?",
        # ... and look-alikes a first version of those fixes alarmed on
        "I stand at the toilet to pee as I can't go down onto the seat with this back spasm",
        "the cat had an accident (poo) in the hall and cleaning it up my back locked",
        "breast ca in the family, not me, and my back is in spasm",
        "shy bladder all my life, can't go at a urinal if someone's next to me; back spasm since Friday",
        # ... and look-alikes a first version of those fixes alarmed on
        "I got a proper belt from the physio shop for my back spasms, is it worth wearing?",
        "Lying down helps but it doesn't last, my back spasms when I get up",
        "can't get my stream started on twitch because my back spasms when I sit",
        "Neither of the legs would hold the table up and I hurt my back catching it",
        "My husband's rugby tackle left him with numb legs and I hurt my back lifting him",
        "I'm on letrozole for fertility treatment and my back has gone into spasm",
        "Since my cancer check-up came back clear my back has been playing up",
        "Back went while changing the baby's dirty nappies on the floor",
        "my back spasms so badly I can't finish a sentence without stopping to wince",
        "Since the spasm my back has a visible lean to one side",
        # session 33: the nineteenth suite's look-alikes, in other words
        "I'm 40 but my back makes me walk like I'm 90",
        "my old spaniel is incontinent now and scrubbing the rugs has done my back in",
        "I fell off the wagon at Christmas and my back has been stiff since the party",
        "the interview was a total car crash and my back spasmed on the train home",
        "I volunteer on a needle exchange bus and the lifting hurts my back",
        "my backside went numb sitting through a long church service, fine when I got up, back stiff",
        # ... a slip put right only towards a pattern word, never a prefix taken off: "afebrile" is not febrile
        "acute back spasm, afebrile, no saddle anaesthesia, bladder fine",
        # ... nor a short word of another language: the Urdu "dard" (pain) is not a DMARD
        "kamar mein dard hai, back spasm since yesterday",
        # ... nor a rare real word read as a sign ("chillis" is not chills), as a review found
        "I grow chillis on the windowsill and bending to water them put my back out",
        "even though I'm 48 I walk like I'm 90 with this back spasm",
        # ... and a blow told as a likeness
        "I feel like I've been hit by a bus, my back is in spasm",
        "my whole back feels as though it's been run over by a truck",
        # session 34: the twentieth suite's look-alikes, in other words
        "my mate's joke had me laughing so hard I couldn't breathe, then my back twinged",
        "I almost passed out with boredom in the meeting and my back stiffened up",
        "I blacked out once when I was 12 after a jab, never again; now my back is sore from painting",
        # session 35: the twenty-first suite's look-alikes, in other words
        "no perianal paraesthesia at all, just a stiff lower back",
        "my husband had a raging temperature last month but he's fine now; my back went yesterday",
        "our wee one has a high temperature so I've been up all night carrying her and my back's killing me",
        # session 36: the twenty-second suite's look-alikes, in other words
        "Is it a bad sign if your legs go numb with a spasm? Mine are fine, just curious",
        "Is it a red flag if back pain is worse at night? I sleep fine",
        "somebody said chest pain can come with it; I've none of that, just a stiff back",
        "my cat's hind legs are weak and lifting her basket hurt my back",
        "I passed out when I was 15, but that was years ago; my back twinged today",
        "my aunty get cancer before, but my own back is just stiff from cleaning",
        "dropped half a stone on a strict diet since New Year, now my back's in spasm",
        # session 37: the twenty-third suite's look-alike, in other words
        "I'm 70, my back has been bad since I was in my forties, is there a new cream I could try?",
        # ... and what the first rules for them caught (found in review)
        "I can barely hold the toilet rail to get up, my back is in spasm",
        "they said my discs are thinning and it locked up for no reason",
        # session 38: the twenty-fourth suite's look-alikes, in other words
        "Nursing student cramming for finals - what does saddle numbness mean? My back is stiff from the desk",
        "Is it worth mentioning a history of cancer to the GP with back pain? I've never had cancer, just wondering",
        "My 17yo keeps teasing me about my back spasms 😂 I'm 45 and it's a regular thing since I was 30.",
        # ... and what the first rules for them caught (found in review)
        "my knees crack on every step and my back is stiff",
        "I went down the whole flight of stairs to answer the door and my back seized",
        # session 39: the twenty-fifth suite's look-alikes, in other words
        "no numbness, tingling or weakness in either leg, just a sore back",
        "the neighbours' noise is what keeps me up at night, my back only hurts when I lift",
        "My dad is 75 and every winter he gets a stiff back from clearing snow. Why does that happen?",
        # ... and what the first rules for them caught (found in review)
        "I'm 66, my back goes into spasm every 6 weeks or so, physio helps",
        "the car's temp said 38 on the way to work and my back is stiff from the drive",
        "pushed the car to get it started and felt my back go",
        "the water is refusing to come out of the tap and I put my back out fixing it",
        "I've been lifting 20 kg less in the gym since my back went",
        "When I lie down my heartburn gets worse, my back is just stiff",
        "Even lying flat it's agony to roll over, but once I'm up and moving it loosens off",
        # session 40: the twenty-sixth suite's look-alikes, in other words
        "I can't even pee without my back twinging, but it all flows normally",
        "had the flu two weeks ago, completely cleared up now, back spasm from the gym",
        "I'm 67 and my back has played up since I was a young apprentice",
        "my blue puffer is a steroid type, could that be why my back spasms?",
        "my belt's on a tighter notch because I've been on a diet",
        # ... and what the first rules for them caught (found in review)
        "What if I say yes to the epidural and then lose control of my bladder?",
        "Teen din se kabz thi, aaj subah finally potty nikal gayi, kamar mein thoda dard hai",
        "raat ko dard zyada nahi hota, bas subah kamar akad jaati hai",
        "painkiller lete hain par araam nahi milta, back spasm 2 din se",
        "a bit puffed from climbing Snowdon yesterday and my back's stiff",
        "totally flattened by this cold all week and now my back aches",
        "shares went down hard on the back of bad results and my back is tight from stress",
        "put my belt on a tighter notch for deadlifts and my back spasmed during the set",
        "A hard bulge pops up on one side of my back when it spasms, physio says it's the muscle",
        "I'm on the pred forte eye drops after my cataract op and my back is sore",
        "scared of slipping on black ice with my bad back, any tips?",
        "the nurse asked if I'd had cancer and I said yes to the scan, my back is just stiff",
        # session 40: the twenty-seventh suite's look-alikes, in other words
        "our old sheepdog keeps wetting his bed and I hurt my back lifting him",
        "only trouble peeing is that there's nowhere to stop on the motorway, back is stiff from driving",
        "studying immunosuppressants for my pharmacology exam and my back is stiff from the desk",
        "kencing tak sakit, cuma belakang je sakit",
        # ... and what the first rules for them caught (found in review)
        "For my dad's birthday I lifted a bouncy castle. Back spasm since. He had prostate cancer years ago",
        "Private parts mein nahi, bas pair thode sunn ho gaye the baithe baithe, ab back spasm",
        "Nearly got thrown by my horse but held on, my back's just stiff from the jolt",
        "lying flat doing nothing all day and my back is easing",
        "hit the deck hard on my back foot at cricket, now my back is tight",
        # session 41: the twenty-eighth suite's look-alikes, and what the first rules for its misses caught
        "saw a nasty crash on the telly and winced, my back went",
        "the dog soaked my trousers jumping out of the lake, my back is sore from the walk",
        "my anger builds when I'm lying awake thinking about work, back is stiff",
        "reading the IV user manual for the drip stand at work hurt my back",
        "I soaked myself in the bath for an hour and my back feels looser",
        "Physio told me to stretch anteriorly through the chest to ease my back spasm",
        "hindi naman manhid yung pwet ko, sakit lang talaga ng likod ko",
        "Namamanhid pwet ko kakaupo sa office chair buong araw, nawawala naman pag tumayo ako",
        "Am 16 years sober and now my back is in spasm",
        "the ache builds when I lay the baby down in her cot",
        "the puffy area near my spine where the muscle is in spasm",
        "my skin is hot to the touch where I rubbed the Tiger Balm in",
        "spilt a whole pint and soaked my jeans, then my back went",
        "the vet wants to start a treatment for a tumour on my dog's leg and I hurt my back lifting her",
        # session 42: the twenty-ninth suite's look-alikes
        "Which bowel problems with a bad back mean I should call 999? Just curious, mine are normal",
        "Can chest pain with back pain be a heart attack? Asking in general, my chest is fine",
        "My grandad can't pee properly because of his prostate, he's got no back trouble, but my back's in spasm",
        "both legs are achy and shaky from lunges at the gym, my back is tight too",
        "my bank account has lost a lot of weight this month, any free stretches?",
        "I'm a student on a transplant unit placement and my back's in spasm from lifting",
        "had a full screen for HIV, everything negative, and separately my back has been spasming",
        "I like sitting on the floor for hours and my bum goes numb, now my back is stiff",
        "lost a stone, like, I'm on keto, and my back twinges",
        # ... and what the first rules for them caught (found in review)
        "I bought some big slip on shoes so I don't have to bend down with my bad back",
        "the spasm comes down so hard on my lower back every time I cough",
        "the bruise on my back is all faint now",
        "the pain is dead near my bum, right on the tailbone",
        "I can't control motion sickness since my back went",
        "not able to hold the motion for more than 10 secs in the bird dog exercise, back spasms",
        "my deadlift weight has decreased by 20 kg since the back injury",
        "I won 10 pounds less at bingo, back is sore from the chairs",
        "I came down quite hard on my bum when I sat on the low sofa, back twinged",
        # the thirtieth suite's look-alikes, in other words
        "Is pain at night a red flag? Mine's totally fine at night, it only hurts when I lift",
        "had a numb bum from the saddle after a long ride, back to normal now, my back is tight",
        "my physio told me to look out for any numbness in both legs. I don't have any, my back is just stiff",
        "gossip is like a cancer in this office and my back is in knots",
        # and what the first rules for them caught, found by a fresh-eyes review
        "I'm 30 weeks pregnant and can feel the baby's heartbeat in my tummy. My lower back aches.",
        "the back pain has gone quite faint now, I feel a faint twinge when I bend",
        "Breast cancer - diagnosed in my mum last year, and now my own back is in spasm",
        "I was woken by a sharp pain in my foot, cramp I think, and my back is sore",
        "I was woken in the small hours by the baby again and my back is stiff from feeding",
        "when I bend down, the pain ramps up in my back",
        "I didn't realise I'd leaked till I stood up, heavy period, back aches",
        "my dad's back is in spasm, his father had lost a lot of weight without trying before he died",
        "Writing for my Abbu, his back is in spasm. His father had prostate cancer",
        "Writing for my Nani, her back is in spasm. Ammi says his brother's legs have gone numb since his op",
        "I didn't know I'd gone till I woke up on the train, my back is stiff from the seat",
        # the thirty-first suite's look-alikes, in other words
        "I volunteer at a syringe exchange and lifting boxes hurt my back",
        "I inject myself every day with teriparatide for my osteoporosis and my back is in spasm",
        "I inject myself with drugs for my MS every week, back spasm",
        "The nurse will jag it in my arm for the flu, my back is sore",
        "I work at the needle exchange, so I'm around heroin needles all day, and my back is in spasm from the boxes",
        "My bum goes numb like always after a long bike ride, back spasm now",
        "I inject myself daily with insulin, back spasm",
        "Is chest pain with back pain an emergency? I don't have any of that, just a stiff back",
        "the thermometer says the room is 30 degrees and my back is in spasm",
        "Salaam, my father's back is in spasm, Ammi says she has diabetes herself, he is fine otherwise",
        # the thirty-second suite's look-alikes, in other words
        "I swore I'd wet myself when the spasm hit, but no, all dry. Tips?",
        "I tripped on the kerb but caught the lamp post and didn't fall, now my back is in spasm",
        "slipped in the shower and grabbed the rail and didn't go down but my back went",
        "we were dancing like Saturday Night Fever and my back went into spasm",
        # the review's probes of the suite's fixes, kept as they are
        "with this donut cushion I can barely feel the chair when I sit, back is so much better",
        "Would it be too bad lying in bed all weekend with a back spasm?",
        "I get up most nights because the back of my leg cramps, my back is fine",
        "I've got a cyst like a pea under the skin on my wrist and back spasms",
        "I use and inject semaglutide weekly, could that cause back spasms?",
        "my son is type 1 so he uses and injects every meal, now he's got back spasms",
        # the thirty-third suite's look-alikes, in other words
        "This sciatica is driving me batty and my left foot is numb",
        "My husband, who had an MI in 2019, has been getting night sweats. My back is in spasm",
        "I need to go but it not come, I think the codeine has made me constipated, back spasm",
        "It was so hot in the heatwave I was panting even while sitting in the shade, back spasm",
        "Nearly went flying over the handlebars when a dog ran out, but I stayed on. Back spasm",
        "When I lie down it does not ease straight away but after 10 minutes it settles",
        "My son, 16 now, plays rugby and I hurt my back lifting his kit bag",
        "I came down a stone step wrong and twisted my back",
        "I haven't actually had much water since this morning, back spasm",
        "my back is in spasm, my dad collapsed at work yesterday and I had to carry him",
        "My mum collapsed years ago with low blood pressure, now my back is in spasm",
        "I've always had a hard time peeing in public toilets, back spasm now",
        "My dad's back is in spasm. He collapsed the buggy and put it in the boot",
        "Dad collapsed laughing at the dog and now his back is in spasm",
        "my back hurts, my bum est pas engourdi, just sore",
        "Pain in my bum, jambe gauche engourdie, back spasm",
        # the thirty-fourth suite's look-alikes, in other words
        "my nonna has chest pains and I lift her into bed, now my back is in spasm",
        "I'm 68 and have had a dodgy back since I was around 40, I've just put it out lifting",
        # ... and the review's probes of the suite's fixes, kept as they are
        "I throwed out my back lifting the telly",
        "The ENT doctor injected ice water into my ear to test my balance, now my back is stiff",
        "IV users are more prone to spine infections, right? I'm not one, just asking",
        "I'm back on the needle for my blood thinner injections after the op and my back aches",
        "My temp's fine and pulse is 102 after climbing the stairs with my bad back",
        "I lay prostrate ca 20 minutes on the floor and the spasm eased",
        "Doc said I'd get no better with complete bed rest and to keep moving",
        "My cat landed square on my back while I was doing stretches on the floor",
        "Had a big hit in the game on Saturday, drove in two runs, but my back's stiff",
        "Haven't had a proper water all day, just tea, and my back is tight",
        "Went to my mum's and she can't pee, she's waiting for the GP. My back is sore from lifting her",
        "my mum has chest pain and so does my aunt, my back is in spasm from the stress",
        "IV user interface on the pumps at work is awful and my back is killing me",
        "Lost near 50 pounds on the horses at Cheltenham, and my back's killing me from standing",
        # the thirty-fifth suite's look-alikes, in other words
        "Picked up a bug with a fever, all gone now, back spasm from lying in bed",
        # ... and the third review's probes of the suite's fixes, kept as they are
        "CT scan ruled out an aneurysm on the aorta, it's just a muscle spasm in my back",
        "I take drug by injection every week for my psoriasis, and my back is in spasm",
        "On my back is new bump from a mosquito bite, and my spasm is on the left",
        "Rested all weekend, no change in my plans, the back spasm is easing though",
        "Noise in my flat, it never lets up, no wonder my back is tense",
        "Sciatic nerve is numb on both sides? Is that even possible? Just curious, mine's only a spasm",
        "The doctor gave me a 5-day course of Encorton for my back spasm",
        "I volunteer for an HIV+ support charity and hurt my back lifting boxes",
        "Almost had poo come in my trousers laughing at my husband, my back spasm hurts when I laugh",
        # ... and the second review's probes of the home and the shared sign
        "Was at my mum's yesterday, her chest pain is back and my back is in spasm from the drive",
        "At my dad's tonight, can't pee since lunch, worried about him, my back is in spasm",
        "My dad's chest pain scared me too, my back is in spasm from the stress",
        "My mum has chest pains and I have too many questions about my back spasm",
        "my abuela, 82, has chest pain and my back is in spasm from lifting her",
        # the thirty-sixth suite's false alarms, in other words (session 46)
        "My GP said losing control of your bladder or bowels is something to look out for; I've had nothing like it",
        "My 4 year old has started wetting himself at nursery and I've hurt my back carrying him",
        "I've had a weak stream for years with my prostate, nothing new, just this back spasm",
        "Sat on a cold stone wall for an hour and my bum went numb, it came back within a few minutes",
        "I get a numb groin on long rides, always have, and now my back's in spasm",
        "My feet have been numb from diabetic neuropathy for about ten years, back spasm since Monday",
        "Leg day yesterday, and now both my thighs are really stiff, back spasm too",
        "Had the flu three weeks ago with the sweats and everything, all gone now, back spasm today",
        "My sofa is 16 years old and it's wrecked my back",
        "I'm 70 and my back has played up since I was about 40, another spasm",
        "She's 88 and her back has given her gyp ever since she was a young woman",
        "My neutrophils were low once, but the repeat came back normal, back spasm now",
        "my bum isn't numb, my back's just in spasm",
        "Had my AAA scan last year and it was normal, back spasm from gardening",
        "I bought a pack of AAA batteries for the TENS machine for my back",
        # ... and the review's probes of them, kept as they are
        "I just squeeze out a few drops of lavender oil on my heat pad for my back",
        "My TENS remote needs a AAA, my back is killing me",
        "My rings are looser in the cold weather, and my back's stiff",
        "I had Hodgkin's disease ruled out last year, now just a back spasm",
        "The early hours are the worst with a newborn, my back aches from the feeds",
        "When I rest, my back doesn't go into spasm as much",
        "There's a bump on my fusion scar that's been there for years, new spasm above it",
        "I was kept up by my son's all-night fever and my back is in spasm",
        "My belt's done up a notch further for my back support",
        "The skin between my legs feels like leather from chafing when I run, back is stiff too",
        "At night my back is stronger when I sleep on the firm mattress",
        "my temperature is back to normal and my back still aches",
        "My groin isn't numb but dead sore from the spasm",
        "Loss of bladder control is something to watch for, thankfully I'm OK there",
        "The cold temperature is back and my back is stiff",
        "When I rest, the pain does not go away completely but it's much better",
        "I had an AAA scan last year and it was fine, back spasm now",
        "I've got a AAA for the remote of my TENS machine",
        # the thirty-seventh suite's false alarms, in other words (session 46)
        "Shy bladder at the clinic, couldn't pee in the pot at all, fine at home, my back is in spasm",
        "After a bikini wax with numbing cream the area was numb for an hour, back spasm now",
        "The nurse mentioned numbness between the legs as a warning sign; I've had nothing like it",
        "I always pass out at needles, fainted at my covid jab, fine after, back spasm now",
        "Walang lagnat, walang chills, back spasm lang",
        "Cutting weight before my weigh-in, down 4 kilos this week, back spasm from training",
        "My dog's barking is what keeps me up at night, my back is fine lying down",
        "My teenager reckons I'm ancient, I'm 38 and my back's in spasm",
        "My GP told me to lose weight, down 3kg this month as planned, back spasm",
        # ... and the review's probes of them, kept as they are
        "My milk flow has almost stopped and my back aches from feeding",
        "Bukhar toh nahi hai par kamar mein spasm hai",
        "Nie schudłam ani kilo, back spasm",
        "Hindi naman mahina ang immune system ko, back spasm lang",
        "Numb from the waist down on both sides after my epidural in labour, wore off in 2 hours, back spasm now",
        "After my op I took opioids IV for three days, now my back is stiff",
        "El dolor de muelas me despertó anoche, y la espalda con espasmo",
        # suite 38's look-alikes, in other words
        "asking for my health class question mark is wetting yourself a warning sign with back pain question mark",
        "for a school project question mark can numb legs on both sides be serious question mark not about me",
        "Sat on a stone wall for the whole parade and my backside went numb with cold, fine once I stood up",
        "After a 3 hour ride my bits go numb on the saddle, back aches too",
        "Both legs are dead after squat day, lower back tight",
        "I had pins and needles in both legs that turned out to be a vitamin thing, treated and gone. Back spasm now",
        "Pain used to wake me at night years ago, turned out to be kidney stones and it was sorted. Spasm today",
        "I'm 17 and need back pain facts for my coursework, I don't have back pain myself",
        "Turned 57 last month. My back's been dodgy since I slipped a disc at 40, spasm again after tennis",
        "If I came off my bike and hurt my back, how would I know it's serious? I haven't, just asking",
        "If the pain ever spread into my chest, should I ring 999? It hasn't, I'm a worrier",
        "physics revision: why is a weak immune system a worry with back pain? not about me",
        # suite 39's look-alikes, in other words
        "My immune system is useless, I catch every bug going. Back spasm, what helps?",
        # ... and the review's probes of them, kept as they are
        "I was doing 70mph on the motorway when my back went into spasm",
        "Not gonna lie, nothing helps this spasm",
        "I've torn something in me back lifting the telly",
        "Shingles rash going from my belly button round to my back",
        "I've done the exercises for weeks, nothing happens and I'm desperate",
        "Went from 10st to 12st without trying, back aches",
        "Pain dropped from a 7 to a 3 without painkillers",
        "104 °F in the shade here in Texas and my back is in spasm",
        "They ruled out bowel cancer, had treatment for piles instead, back spasm now",
        "My dog headbutted me right in the back lol",
        # older suites' misses' look-alikes
        "The pain shoots up my back when I bend",
        "I shot up three inches last year and my back aches",
        "Down a stone in a month on my diet plan, back spasm from the gym",
        # the fortieth suite's look-alikes, in other words
        "Three years ago I couldn't pee after my knee op and had a catheter, it's been fine since. Back spasm now",
        "Last year I was numb down below after an epidural, it wore off the same day. Now my back is in spasm",
        "I had chest pains in 2019 after a bad cold, all fine since. My lower back is in spasm from lifting",
        "Breathless with anticipation for the match tonight but my back has gone into spasm",
        "I'm 66 and this spasm started on Monday. My back has been weak since my early thirties",
        "I feel about 90 years old since my back went into spasm for the first time, I'm 35",
        "Lost a couple of pounds with a stomach bug but it's all back on now, back spasm from the sofa",
        "I swooned onto the bed like a drama queen when my back went, no actual fainting",
        "I'm pacing the kitchen at 3am with the baby again, back's stiff from feeding",
        "Lying down isn't giving me any relief from the heartburn, back's ok",
        "I only get a little dribble after I finish peeing, is that normal with back pain?",
        # the forty-first suite's look-alikes, in other words
        "Haven't managed to pass water for the urine sample yet, back ache though",
        "my laptop took a nasty tumble down the stairs, I'm fine, back twinged picking it up",
        "had a temperature last week with the flu, all gone now, back spasm since Sunday",
        # the forty-second suite's look-alikes, in other words
        "When is back pain plus chest pain serious? General question, I'm writing a first aid leaflet for work.",
        "My whole career has been a car crash lately and now my back has joined in",
        "The business took a massive hit to its finances this year and my back is in knots from the stress",
        "At the match I saw a player get flattened in a scrum, made me wonder about my own sore back",
        # the forty-third suite's look-alikes, in other words
        "Fainted at my jabs in primary school, still hate needles. Is acupuncture ok for a back spasm?",
        "Nothing comes out of the tube of cream when I squeeze it, how do I get it on my back?",
        # the forty-fourth suite's look-alikes, in other words
        "Somebody fainted at the wedding and I hurt my back catching them",
        "Someone passed out in the queue and I jarred my back helping her up",
        "What are the warning signs? I saw a post about numb legs being serious, mine are fine",
        "I read about cauda equina and I definitely don't have any numbness down below, just the spasm",
        "I saw a video about fevers with back pain, I don't have one though",
        "On the ward we get lots of pyrexial patients, my own back is in spasm from lifting",
        # the forty-fifth suite's look-alikes, in other words, and its review's probes
        "I had a nightmare where I couldn't feel my legs, woke up fine, just a stiff back",
        "the baby screams so I can't pee in peace, and my back is in spasm from rocking her",
        "A man at work fainted in the canteen and I hurt my back catching him",
        "'You give me fever' has been stuck in my head all day and my back is in spasm",
        "Watching Holby and a man couldn't pee, made me wonder, my own back is just stiff",
        "I teach students (15) and lifting their bags gave me back spasm, first time ever, I'm 35",
        "My daughter (3) jumped on my back, first time I've ever had back pain, I'm 32",
        # ... and the review's probes of the new patterns, that must stay quiet
        "Went for a wee, nothing unusual, but my back is killing me",
        "My privets have gone dead after the frost, and bending to cut them has wrecked my back",
        "Why can't we at all get a GP appointment round here, my back has been bad for weeks",
        "My groin, on long rides, it goes numb, normal for cyclists?",
        "Pred once told me heat is better than ice, is that right?",
        # the forty-sixth suite's look-alikes, in other words
        "Exam question: what causes urinary retention in older men? my back is sore from sitting",
        "The questionnaire asks if I've lost weight without trying and I ticked no, back stiff though",
        "I've had diabetic neuropathy in both feet for years, unchanged, and my back is stiff",
        "lots of my patients are on methotrexate, I'm on nothing, back sore from lifting them",
        # the forty-seventh suite's look-alikes, in other words
        "A mate of mine had numb legs from a slipped disc years back, can my spasm do that? Mine is just sore",
        "Watched a film where a woman's legs gave way after a back injury, mine are fine, just a stiff back",
        "Crashed my car in Forza all night and my back is stiff from the gaming chair",
        "Prepping for a physique show, dropping weight on plan, back spasm from deadlifts",
        "small lump on my back, the GP called it a cyst years ago and it hasn't changed, back spasm from gardening",
        # the forty-eighth suite's look-alikes, in other words
        "Physio student revising: is saddle anaesthesia always an emergency? My back is only stiff from the library",
        "Anatomy revision: bilateral leg numbness with back pain, which level is affected? My legs are fine",
        "Studying for my finals: how much weight loss counts as unexplained? My own back is just tight",
        "Our dog was panting and struggling to breathe, the vet sorted him, I pulled my back lifting him",
        "Derby fever all week and I've ricked my back celebrating",
        "the hard bump in my lower back was just a muscle knot from the spasm",
        "My granny is 92 and uses a heat pad for her back. I'm 40 and just had my first spasm",
        "Mainlining espresso this week and my back's in spasm from the desk",
        "Can you suggest a good bike for my teenager?",
        # ... and the review's probes of the new patterns, that must stay quiet
        "Lump about the size of a pea on the left side of my back, it's a cyst.",
        "Had a growth removed from my bowel, just a polyp, nothing sinister.",
        "The metro tech ate my lunch.",
        "Nearly took a tumble down the stairs but caught the handrail.",
        "My dog took a tumble down the stairs",
        "Can't get a pee out when someone's standing at the next urinal",
        # the forty-ninth suite's look-alikes, in other words
        "The GP said ring 999 if I get any numbness in my bum. I haven't, it's just a tight back.",
        "The discharge sheet says come back if you can't pee, I'm peeing fine, back still stiff",
        "111 told me to go to A&E if I get numbness between my legs, none so far, just spasm",
        "The physio asked me twice if I had any numbness down below. I don't. Why do they ask?",
        "Questionnaire: 'any bladder problems?' I put N, back's just stiff",
        "My back's stiff like I got tackled by a rugby team, but I just bent over to tie my shoe",
        "Ward nurse, IV drug rounds all night, back spasm from the drip stands",
        "me getting out of bed at 5am with this spasm: hobbling like an 85 year old 💀 tips?",
        "Had a catheter after my hip op three years ago because I couldn't wee, all fine ever since. Back spasm now.",
        # ... and the review's probes of the new patterns, that must stay quiet
        "Had a 🚽 accident, dropped my phone down it",
        "Squeeze the lemon just to get a few drops",
        "Hindi masakit ang dibdib ko, likod lang po",
        "I been shootin up hoops all summer and my back is stiff",
        "The physio noted a significant reduction in weight bearing",
        "My puppy had 3 💩 accidents today and I hurt my back cleaning up",
        # ... and a fresh-eyes review's probes of the fiftieth suite's new patterns, that must stay quiet
        "The washing was found wet in the machine and I hurt my back hanging it out",
        "I feel the urge to sneeze but nothing comes, and my back spasms when I do",
        "My baby doesn't react at all when I wipe his bottom with cold wipes",
        "The bus rolled in 20 minutes late and standing made my back worse",
        "My weight went from 60 to 70 kilos and I haven't been trying to gain",
        "Tried ibuprofen and heat, the rest also didn't help my back spasm",
        "My car crashed, the infotainment system froze, and my back is stiff from the drive",
        # the fifty-first suite's look-alikes, in other words
        "I'm a chemotherapy nurse and my back has gone into spasm",
        "Our lecture on urinary retention was today and my back spasmed carrying the projector",
        "My mate keeps asking if I fell off my bike because I'm walking funny. I didn't, it's just a spasm.",
        # the fifty-second suite's look-alikes, in other words
        "Out of breath? Only with laughing at the dog chasing its tail, back spasm since Friday",
        "On Holby a woman was brought in after a car crash, made me think of my own stiff back",
        "I'm a Cancer and my husband is a Leo, we both have bad backs lol",
        "Saw the Hunchback of Notre Dame musical, my back spasm made the seats hell",
        "My lips went purple in the cold lake, back spasm since the swim",
        # ... and the new patterns' near misses
        "My wife has breast cancer and my back is in spasm from lifting her",
        "My neighbour, he's got prostate cancer, I carried his shopping and my back went",
        "I shot up in bed a few times last night with the spasm",
        "my bum, it feels a bit numb when I sit on the hard bench for hours",
        "A lorry ran into the back of the house next door lol, my back hurts from sleeping funny",
        # ... and a fresh-eyes review's probes of them, that must stay quiet
        "Nerves ripping through my stomach before the exam, and my back is stiff",
        "We loaded the van and the motorbike went straight into the back of it, my back's sore from lifting",
        "My bum, it goes numb on long drives, and my back spasms",
        "I volunteer with survivors of breast cancer and hurt my back moving tables",
        "Asking for my dad, he's currently cancer free, but his back has gone into spasm",
        "I shot up a few times in the night when the spasm hit",
        "A fatty lump on one side of my back that I've never had checked, it's been there 20 years",
        "Hi, 70 and never been on this forum before, my back is sore",
        # the fifty-third suite's look-alikes, in other words
        "Years ago I had pins and needles in both legs from a slipped disc, not a twinge since. Back spasm now.",
        "Came off the vault onto the big crash mat, soft landing, back spasming today",
        # ... and a fresh-eyes review's probes of the new patterns, that must stay quiet
        "Can't get my flow going at work today, back's stiff",
        "Lung cancer, stage 4, is what my dad died of. My back is sore from the funeral",
        "I had a small cancer risk on my smear, all clear since, back spasm now",
        "my groin pain is like a dentist drill, sharp and shooting, back spasm too",
        "Knee has more pain at night but my back is fine",
        "Woke up and my back's got a sudden kink in it, can't turn my head",
        "My shoulder blades stick out a lot more than other people's, always have, back spasm",
        "The cat landed back first on the patio and I hurt my back catching her",
        "My lung cancer scan was clear thank god, back spasm",
        "My breast cancer risk is high because of my mum, back spasm",
        "My tumour was benign, removed last year, back spasm",
        # ... and a fresh-eyes review's probes of the fifty-fourth suite's new patterns
        "The GP had me do a wee sample and nothing came back from the lab, so it's muscular",
        "If I sit on a bag of frozen peas it eases the pain a bit",
        "after the marathon both my legs just went, they were done, and my back aches",
        "These trainers are worn out, they forgot how to support me, back sore",
        "the knife cut right through into the belly of the salmon and I pulled my back lifting it",
        "I'm not trying to get slimmer, I go to the gym for my back",
        "GP gave me steroid tablets for 5 days, I have been taking them every day as told",
        "Yes, the GP asked if I'd lost weight and I told her no",
        "Doc asked if I'd lost weight, yeah nah, back's just stiff",
        "The nurse asked if I had a fever, it's 36.8 so normal",
        "The physio asked if my legs were weak, they were absolutely fine",
        "Asking for my husband. His sister, she's got lung cancer. His back is in spasm",
        "I can't breathe good through my nose with this cold, back spasm",
        "First time in my 15 years as a plumber that my back has gone like this",
        "My mood is worse when dark comes, and my back aches",
        "A survivor of breast cancer at my church recommended this chatbot for my back",
        "I'm her carer during treatment for her cancer and my back has gone",
    ],
)
def test_no_red_flags(text: str) -> None:
    assert flags(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written for the person whose back it is: their signs are the patient's
        ("my gran's back has gone and she can't feel her legs, both of them", [("both_legs", "emergency")]),
        ("His back spasms started on Friday. He's been on prednisolone for years", [("steroids", "urgent")]),
        ("my girlfriend has had back pain since Monday and now she's got a fever", [("fever", "urgent")]),
        ("my uncle had prostate cancer and now he's getting back pain", [("cancer_history", "urgent")]),
        ("the wife says there's a lump on ma back", [("back_lump", "urgent")]),  # Scots "ma": my
        ("my son has back pain and he has numbness in his groin", [("saddle_numbness", "emergency")]),
        ("my husband has back pain and he can't pee", [("urine_retention", "emergency")]),
        ("my mammy's back went on Monday and she hasn't had a wee all day", [("urine_retention", "emergency")]),
        ("my brother injects and his back has been agony", [("iv_drugs", "urgent")]),
        ("my little one has had back pain for a week and now she has a fever of 39", [("fever", "urgent")]),
        # their back pain told by what they go through: "in agony with", "complaining of"
        ("my partner is on methotrexate and he's been in agony with back spasms", [("immunosuppression", "urgent")]),
        ("my wife had a fever yesterday and she's complaining of back pain", [("fever", "urgent")]),
        ("my son is laid up with back spasms and both his legs are weak", [("both_legs", "emergency")]),
        # a child's age counts for the child's new back pain
        ("our 15 year old has started complaining of back pain", [("age_onset", "urgent")]),
        (
            "I brought my mum back from hospital, her back is in agony and she's wet herself",
            [("bladder_bowel", "emergency")],
        ),
    ],
)
def test_signs_of_the_person_with_the_back_pain_count_when_someone_writes_for_them(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert flags(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's back: someone else's signs are not theirs
        "my uncle had prostate cancer and now my back hurts",
        "my girlfriend has a fever and I did my back in carrying her shopping",
        "my gran's back is bad, she's 80, mine hurts too",
        "the dog wet the bed and I hurt my back changing the sheets",
        "my ma had breast cancer and ma back's killing me",  # "my ma": a mother
        "my son's back hurts; my husband injects heroin",  # written for the son: the husband's sign stays his
        "my pain's back again, my dad has a fever",  # "pain's back": nobody's back
        "my dog's back has gone and he's wet himself",
        # nobody's back pain: "back" alone names nobody's
        "my sister came back from hospital with a fever",
        "a friend with a kidney transplant swears by heat for back pain",
        # session 38: "my own back" is the speaker's, however far back the other person is named
        "My cousin injects heroin and we're all worried about him, though this one's about my own back spasm",
    ],
)
def test_signs_of_someone_else_stay_theirs_when_the_back_pain_is_the_speakers_or_nobodys(text: str) -> None:
    assert flags(text) == []


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I was walking the dog and fell off a ladder onto my back", "trauma"),  # a pet is nobody the sign is put on
        ("I'm 16 and this is the second time my back has gone this month", "age_onset"),
        ("I've lost a stone without trying, the doctor said losing weight could help", "weight_loss"),
        ("the numbness around my bum came back the second time this week", "saddle_numbness"),
        ("nae kidding I've wet myself", "bladder_bowel"),
        ("I use heroin, inject into my arms, and my back has been killing me", "iv_drugs"),
    ],
)
def test_a_dismisser_reaches_no_further_than_what_it_explains(text: str, flag: str) -> None:
    assert flag in [value for value, _ in flags(text)]


@pytest.mark.parametrize(
    "text",
    [
        "I deadlifted 60 and my back went",
        "I carried 20 kg down the stairs and my back went",
        "I got thrown into the deep end at work and now my back is in spasm",
        "I work with people who inject heroin, I don't use myself",
        "so I know chest pain is serious, but I don't have any",
        "Someone asked if I'd had a fall. I haven't",
        "I have never taken, any steroid tablets",
    ],
)
def test_ordinary_words_near_a_sign_raise_no_flag(text: str) -> None:
    assert flags(text) == []


def test_no_fever_but_wet_myself_flags_the_bladder_only() -> None:
    text = "no fever but I wet myself"
    assert [entity for entity in entities(text) if entity["entity"] == "red_flag"] == [
        {"entity": "red_flag", "value": "bladder_bowel", "role": "emergency", "text": "wet myself", "start": 15,
         "end": 25, "confidence_entity": 1.0, "extractor": "RuleEntityExtractor"}
    ]  # fmt: skip


def test_red_flag_text_is_the_users_words_without_trailing_joiners() -> None:
    assert [entity["text"] for entity in entities("I'm 17, and I Can't Pee")] == ["I'm 17", "Can't Pee"]
    said = [entity["text"] for entity in entities("Collapsed this morning, in agony") if entity["entity"] == "red_flag"]
    assert said == ["Collapsed"]
    # no comma opening it either: an age told between commas
    text = "My husband, 69, has had a back spasm since Friday and now has pain in the middle of his chest"
    assert [entity["text"] for entity in entities(text) if entity["entity"] == "red_flag"] == [
        "69",
        "pain in the middle of his chest",
    ]


def test_each_flag_is_reported_once() -> None:
    assert flags("I wet myself and then I wet myself again") == [("bladder_bowel", "emergency")]


# ---------------------------------------------------------------- the Rasa component


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> RuleEntityExtractor:
    """One extractor for the module: building it takes seconds and processing changes nothing in it."""
    return make_extractor(tmp_path_factory.mktemp("extractor"))


def classified(text: str, intent: str, confidence: float = 0.8) -> Message:
    """A message as the classifiers leave it."""
    ranking = [{"name": intent, "confidence": confidence}, {"name": "ask_relief", "confidence": 0.1}]
    return Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})


def test_a_red_flag_overrides_the_intent(extractor: RuleEntityExtractor) -> None:
    [message] = extractor.process([classified("thanks, but I peed myself", "thank")])
    assert message.get("intent") == {"name": "report_red_flag", "confidence": 1.0}
    assert message.get("intent_ranking") == [
        {"name": "report_red_flag", "confidence": 1.0},
        {"name": "thank", "confidence": 0.8},
        {"name": "ask_relief", "confidence": 0.1},
    ]
    assert [(entity["entity"], entity["value"], entity["role"]) for entity in message.get("entities")] == [
        ("red_flag", "bladder_bowel", "emergency")
    ]


def test_a_red_flag_replaces_a_lower_ranked_report_red_flag(extractor: RuleEntityExtractor) -> None:
    message = classified("I can't feel my legs", "nlu_fallback", 0.55)
    message.set("intent_ranking", [*message.get("intent_ranking"), {"name": "report_red_flag", "confidence": 0.3}])
    extractor.process([message])
    assert [intent["name"] for intent in message.get("intent_ranking")] == [
        "report_red_flag",
        "nlu_fallback",
        "ask_relief",
    ]


def test_report_red_flag_without_a_flag_and_no_clear_runner_up_falls_back(extractor: RuleEntityExtractor) -> None:
    message = classified("my bladder is fine and I have no numbness", "report_red_flag", 0.9)
    message.set(
        "intent_ranking",
        [
            {"name": "report_red_flag", "confidence": 0.9},
            {"name": "ask_relief", "confidence": 0.04},
            {"name": "ask_symptoms", "confidence": 0.03},
            {"name": "greet", "confidence": 0.03},
        ],
    )
    extractor.process([message])
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 1.0}
    assert [intent["name"] for intent in message.get("intent_ranking")] == [
        "nlu_fallback",
        "report_red_flag",
        "ask_relief",
        "ask_symptoms",
        "greet",
    ]
    assert message.get("entities") == []


def test_report_red_flag_without_a_flag_falls_to_a_clear_runner_up(extractor: RuleEntityExtractor) -> None:
    message = classified("my back is killing me since yesterday", "report_red_flag", 0.87)
    message.set(
        "intent_ranking",
        [
            {"name": "report_red_flag", "confidence": 0.87},
            {"name": "describe_pain", "confidence": 0.12},
            {"name": "ask_prevention", "confidence": 0.01},
        ],
    )
    extractor.process([message])
    assert message.get("intent")["name"] == "describe_pain"
    assert message.get("intent")["confidence"] == pytest.approx(0.12 / 0.13)
    assert [intent["name"] for intent in message.get("intent_ranking")][:2] == ["describe_pain", "report_red_flag"]


def test_report_red_flag_without_a_flag_never_falls_to_chitchat(extractor: RuleEntityExtractor) -> None:
    # The chit-chat selector ran before the extractor, so chitchat here would have no answer (it was an
    # error reply in the CI of 6be510e, for "My da died of cancer ... The back went lifting the coal").
    message = classified("My da died of cancer. The back went lifting the coal.", "report_red_flag", 0.5)
    message.set(
        "intent_ranking",
        [
            {"name": "report_red_flag", "confidence": 0.5},
            {"name": "chitchat", "confidence": 0.35},
            {"name": "describe_pain", "confidence": 0.3},
        ],
    )
    extractor.process([message])
    assert message.get("intent")["name"] == "describe_pain"
    assert message.get("intent")["confidence"] == pytest.approx(0.3 / 0.5)


def test_other_intents_are_kept_and_entities_appended(extractor: RuleEntityExtractor) -> None:
    message = classified("my neck hurts, 4/10", "describe_pain")
    message.set("entities", [{"entity": "other", "value": "x", "start": 0, "end": 2}])
    extractor.process([message])
    assert message.get("intent") == {"name": "describe_pain", "confidence": 0.8}
    assert [(entity["entity"], entity["value"]) for entity in message.get("entities")] == [
        ("other", "x"),
        ("body_part", "neck"),
        ("pain_level", 4),
    ]


def test_empty_and_missing_text(extractor: RuleEntityExtractor) -> None:
    empty, missing = extractor.process([classified("", "greet"), Message(data={})])
    assert (empty.get("entities"), empty.get("intent")["name"]) == ([], "greet")
    assert (missing.get("entities"), missing.get("intent")) == ([], None)


def test_long_text_is_read_up_to_the_cap(extractor: RuleEntityExtractor) -> None:
    filler = "my back is stiff. " * 600  # 10,800 characters
    early, late = extractor.process([classified("I can't pee. " + filler, "describe_pain"),
                                     classified(filler + "I can't pee.", "describe_pain")])  # fmt: skip
    assert early.get("intent")["name"] == "report_red_flag"
    assert late.get("intent")["name"] == "describe_pain"
    assert max(entity["end"] for entity in late.get("entities")) <= components.extractor.MAX_CHARS


@pytest.mark.parametrize(
    "text",
    [
        "I'm a 70-year-old retired teacher. Is heat actually good for back muscle spasms?",
        "IS IT ALRIGHT TO USE AN ELECTRIC HEAT PAD ON THE BACK FOR SPASMS. I AM 81",
        "I have 62 years and my back went",
        "For my mum, she's 75: is the menthol ointment gentle enough for her back?",
        # "what a back spasm feels like" is asked in general: the I before it does not own it (session 38)
        "Grandpa is in his seventies and says his back is a bit tight. I only want to know what a back spasm is like.",
    ],
)
def test_an_age_with_no_sign_of_new_pain_is_near_the_flag_not_stated(text: str) -> None:
    assert_near_not_stated(text, "age_onset")


def assert_near_not_stated(text: str, flag: str) -> None:
    """The rules find the flag's mention, which still needs a cue: its safety question, no red_flag entity."""
    found, near = rule_findings(build_pipeline()(text))
    assert [entity for entity in found if entity["entity"] == "red_flag"] == []
    assert near is not None and near.flag_id == flag and near.similarity == 1.0


def assert_stated_alone(text: str, flag: str) -> None:
    """The rules state the flag, and only it, with no safety question beside it."""
    found, near = rule_findings(build_pipeline()(text))
    assert [entity["value"] for entity in found if entity["entity"] == "red_flag"] == [flag]
    assert near is None


@pytest.mark.parametrize(
    "text",
    [
        "I'm 70 and I've never had back pain before",
        "I'm 70, and this is the first time my back has gone",
        "I'm 70 and my back started hurting a fortnight ago",
        "I'm 70. Since Sunday my back has been in spasm.",
        "I'm 16 and my back hurts",  # under 20, the age is the sign
        "my son is 14, is heat good for his back?",
        "My 13yo son has started getting back spasms, never had them before",  # "13yo" tells his age (session 38)
    ],
)
def test_an_age_with_a_sign_of_new_pain_anywhere_in_the_message_is_stated(text: str) -> None:
    assert_stated_alone(text, "age_onset")


@pytest.mark.parametrize(
    "text",
    [
        "The spasm woke me up again, what's the best position to sleep in?",
        "My back woke me at 4am, any tips for getting back to sleep?",
        "Woken by my back spasm twice last night, should I use a heat pad before bed?",
        "I'm woken with it nightly, back spasm for a month",  # the forty-eighth suite's, in other words
    ],
)
def test_being_woken_by_the_back_alone_is_near_night_pain_not_stated(text: str) -> None:
    assert_near_not_stated(text, "night_pain")


@pytest.mark.parametrize(
    "text",
    [
        "my back wakes me at 2am every night, what mattress would help?",
        "Most nights about 3 the pain in my lower back wakes me",
        "It wakes me up and it's worse at rest and at night",
        "the spasm wakes me, doesn't matter if I rest all day it's the same",
        "My back pain keeps me up at night, what can I take?",
    ],
)
def test_being_woken_with_another_sign_of_night_pain_is_stated(text: str) -> None:
    assert_stated_alone(text, "night_pain")


def test_an_unconfirmed_age_asks_the_safety_question_about_it(extractor: RuleEntityExtractor) -> None:
    [message] = extractor.process([classified("I'm 81, is a heat pad safe for back spasms?", "ask_heat_therapy")])
    assert message.get("intent")["name"] == "possible_red_flag"
    [near] = [entity for entity in message.get("entities") if entity["entity"] == "possible_red_flag"]
    assert near["value"] == "age_onset"
    assert not [entity for entity in message.get("entities") if entity["entity"] == "red_flag"]


def test_a_failure_leaves_the_message_unchanged(
    extractor: RuleEntityExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(doc: object) -> list[dict[str, Any]]:
        raise ValueError("boom")

    monkeypatch.setattr(components.extractor, "rule_findings", broken)
    [message] = extractor.process([classified("I can't pee", "report_red_flag")])
    assert message.get("intent") == {"name": "report_red_flag", "confidence": 0.8}
    assert message.get("entities") is None


def test_config_yml_gives_the_settings_and_the_anchored_ones_are_their_components_own() -> None:
    settings = pipeline_entry(EXTRACTOR)
    assert all(isinstance(settings[name], float) for name in ("fallback_threshold", "similarity_threshold"))
    assert settings["fallback_threshold"] == pipeline_entry("FallbackClassifier")["threshold"]
    selector = pipeline_entry("components.chitchat_selector.ChitchatSelector")
    assert settings["retrieval_intent"] == selector["retrieval_intent"]
    assert not set(REQUIRED_SETTINGS) & set(RuleEntityExtractor.get_default_config())


def test_a_missing_threshold_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MissingSetting, match="fallback_threshold"):
        RuleEntityExtractor.create(
            extractor_config(fallback_threshold=None),
            LocalModelStorage(tmp_path),
            Resource("x"),
            ExecutionContext(GraphSchema({})),
        )


def make_extractor(storage: Path, **config: Any) -> RuleEntityExtractor:
    storage.mkdir(parents=True, exist_ok=True)
    return RuleEntityExtractor.create(
        extractor_config(**config),
        LocalModelStorage(storage),
        Resource("rule_entity_extractor"),
        ExecutionContext(GraphSchema({})),
    )


def test_patterns_dir_config(tmp_path: Path) -> None:
    (tmp_path / "flags.jsonl").write_text('{"label": "RED_FLAG_URGENT", "pattern": "purple", "id": "colour"}\n')
    extractor = make_extractor(tmp_path / "model", patterns_dir=str(tmp_path))
    [message] = extractor.process([classified("it went purple", "ask_relief")])
    assert [(entity["value"], entity["role"]) for entity in message.get("entities")] == [("colour", "urgent")]
    assert message.get("intent")["name"] == "report_red_flag"


def load_trained(storage: Path) -> RuleEntityExtractor:
    return RuleEntityExtractor.load(
        extractor_config(),
        LocalModelStorage(storage),
        Resource("rule_entity_extractor"),
        ExecutionContext(GraphSchema({})),
    )


def test_the_trained_model_keeps_its_patterns_and_needs_no_source_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_extractor(tmp_path / "model").train(TrainingData())
    copy = shutil.copytree(tmp_path / "model", tmp_path / "elsewhere" / "model")

    def no_sources(*args: Any) -> list[dict[str, Any]]:
        raise AssertionError("a loaded model must not read the source files")

    monkeypatch.setattr(components.language, "source_patterns", no_sources)
    monkeypatch.setattr(components.extractor, "source_patterns", no_sources)
    [message] = load_trained(copy).process([classified("I wet myself this morning", "ask_relief")])
    assert message.get("intent")["name"] == "report_red_flag"


def test_a_model_without_red_flag_patterns_refuses_to_load(tmp_path: Path) -> None:
    make_extractor(tmp_path / "model").train(TrainingData())
    [patterns_file] = (tmp_path / "model").rglob(components.extractor.PATTERNS_FILE)
    entity_patterns = [line for line in patterns_file.read_text().splitlines() if '"RED_FLAG_' not in line]
    patterns_file.write_text("\n".join(entity_patterns) + "\n")
    with pytest.raises(NoRedFlagPatterns, match="no red-flag patterns"):
        load_trained(tmp_path / "model")


TOY_FLAGS = """
lexicons: {}
flags:
  - id: cold_feet
    tier: emergency
    checklist: feet that turned blue and cold
    source: a test
    descriptions: ["my toes have turned blue and icy cold", "my feet are blue and freezing"]
    patterns: [purple toes]
not_red_flag:
  patterns: []
  descriptions: ["my feet are warm and pink", "I like the colour blue"]
"""


@pytest.fixture
def toy(tmp_path: Path) -> RuleEntityExtractor:
    (tmp_path / "toy.yml").write_text(TOY_FLAGS)
    return make_extractor(tmp_path / "model", red_flags_file=str(tmp_path / "toy.yml"), similarity_threshold=0.6)


def test_a_sentence_close_to_a_red_flag_asks_the_safety_question(toy: RuleEntityExtractor) -> None:
    text = "Ice helped a bit. Both of my feet went blue and icy cold last night"
    [message] = toy.process([classified(text, "ask_cold_therapy")])
    assert message.get("intent")["name"] == "possible_red_flag"
    [near] = [entity for entity in message.get("entities") if entity["entity"] == "possible_red_flag"]
    assert near["value"] == "cold_feet" and near["confidence_entity"] >= 0.6
    assert text[near["start"] : near["end"]] == "Both of my feet went blue and icy cold last night"
    assert [intent["name"] for intent in message.get("intent_ranking")][:2] == ["possible_red_flag", "ask_cold_therapy"]


@pytest.mark.parametrize(
    "text",
    [
        "my feet are not blue or cold at all",  # denied
        "my feet are warm and pink again",  # nearer a description of no red flag
        "what does it mean when your toes go blue?",  # asked in general
        "is ice or heat better for a spasm?",  # nowhere near
    ],
)
def test_denials_and_other_sentences_get_no_safety_question(toy: RuleEntityExtractor, text: str) -> None:
    [message] = toy.process([classified(text, "ask_relief")])
    assert message.get("intent")["name"] == "ask_relief"
    assert not [entity for entity in message.get("entities") if entity["entity"] == "possible_red_flag"]


def test_the_rules_win_over_the_semantic_layer(toy: RuleEntityExtractor) -> None:
    [message] = toy.process([classified("I have purple toes and my feet are blue and icy cold", "ask_relief")])
    assert message.get("intent")["name"] == "report_red_flag"
    assert [entity["entity"] for entity in message.get("entities")] == ["red_flag"]
