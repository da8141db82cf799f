package com.storymimi.studio.local.demo;

import java.util.List;
import java.util.Random;

/** Children's-story titles, prompts and scene texts from small word lists; deterministic for a Random. */
final class StoryWriter {

    private static final List<String> HEROES = List.of("little dragon", "brave hedgehog", "sleepy owl",
            "curious fox", "tiny robot", "shy unicorn", "clever mouse", "dancing bear", "lost penguin", "kind giant");
    private static final List<String> NAMES = List.of("Pip", "Luna", "Bramble", "Tilly", "Otto", "Mimi", "Finn",
            "Hazel", "Juniper", "Moss");
    private static final List<String> PLACES = List.of("Whispering Woods", "Moonlight Meadow", "Crystal Cave",
            "Cloud Castle", "Pebble Beach", "Sunflower Valley", "Starlight Harbour", "Candy Mountain");
    private static final List<String> THINGS = List.of("golden acorn", "singing shell", "lost star",
            "magic lantern", "rainbow feather", "secret map", "silver key", "wishing stone");
    private static final List<String> FRIENDS = List.of("a wise old tortoise", "a chatty parrot",
            "a gentle whale", "a family of rabbits", "a grumpy troll", "a friendly firefly");
    private static final List<String> TITLE_FORMS = List.of("The %s and the %s", "%s Finds the %s",
            "A %s in %s", "%s's Big Adventure", "The Night the %s Glowed", "Der kleine Drache und der große Ärger");

    private final Random random;

    StoryWriter(Random random) {
        this.random = random;
    }

    record Story(String title, String prompt, String hero, String name, String place, String thing) {
    }

    Story story() {
        String hero = pick(HEROES);
        String name = pick(NAMES);
        String place = pick(PLACES);
        String thing = pick(THINGS);
        String form = pick(TITLE_FORMS);
        String title = switch (TITLE_FORMS.indexOf(form)) {
            case 0 -> String.format(form, capitalise(hero), capitalise(thing));
            case 1 -> String.format(form, name, capitalise(thing));
            case 2 -> String.format(form, capitalise(hero), place);
            case 3, 4 -> String.format(form, form.startsWith("The Night") ? capitalise(thing) : name);
            default -> form;
        };
        String prompt = "A gentle bedtime story about " + name + ", a " + hero + " who looks for the " + thing
                + " in " + place + ". Ages 4-7, warm and funny, ending with everyone safe at home.";
        return new Story(title, prompt, hero, name, place, thing);
    }

    String scene(Story story, int sequence, int total) {
        if (sequence == 1) {
            return "Once upon a time, in " + story.place() + ", there lived a " + story.hero() + " called "
                    + story.name() + ". Every evening " + story.name() + " dreamed of finding the " + story.thing() + ".";
        }
        if (sequence == total) {
            return "At last " + story.name() + " held the " + story.thing() + " high and it sparkled like a "
                    + "thousand fireflies. Then everyone went home, warm and happy, and " + story.name()
                    + " fell fast asleep. The end.";
        }
        return switch (random.nextInt(4)) {
            case 0 -> "On the way, " + story.name() + " met " + pick(FRIENDS) + ", who knew a shortcut "
                    + "through the tall grass.";
            case 1 -> "The path grew dark and " + story.name() + " felt a little scared, but humming a song "
                    + "made the shadows seem friendly again.";
            case 2 -> story.name() + " and " + pick(FRIENDS) + " shared a picnic of berries and honey and "
                    + "counted the clouds drifting by.";
            default -> "A gust of wind carried a whisper: \"Look where the river bends!\" So " + story.name()
                    + " hurried on, tail wagging with excitement.";
        };
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private static String capitalise(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.split(" ")) {
            out.append(out.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }
}
